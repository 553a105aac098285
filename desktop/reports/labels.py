"""Words that workbooks print, in English and Simplified Chinese. Qt-free.

Workbooks are written by the CLI as well as by the window, so their headers cannot
depend on Qt's translator: this table is the one place for them. English is the key.
"""

from __future__ import annotations

import locale
import os

LANGUAGES = ("en", "zh_CN")

ZH_CN: dict[str, str] = {
    # sheets
    "Summary": "摘要",
    "By month": "按月",
    "Targets": "目标完成",
    "Pipeline": "商机",
    "Visits": "拜访覆盖",
    "Quotes": "报价",
    "Complaints": "投诉",
    "Complaints by age": "投诉账龄",
    "Accounts": "客户",
    # summary
    "Measure": "指标",
    "Amount": "金额",
    "Percent": "百分比",
    "Count": "数量",
    "Period": "期间",
    "Team": "团队",
    "All teams": "全部团队",
    "Generated": "生成时间",
    "Target": "目标",
    "Actual": "实际",
    "Attainment": "完成率",
    "Forecast": "预测",
    "Forecast attainment": "预测完成率",
    "Weighted pipeline": "加权商机",
    "Quotes issued": "已发报价",
    "Quotes accepted": "已接受报价",
    "Quote conversion": "报价转化率",
    "Open complaints": "未结投诉",
    "SLA breached": "超时投诉",
    "Gap": "差额",
    # columns
    "Month": "月份",
    "Rep": "销售代表",
    "Stage": "阶段",
    "Opportunities": "商机数",
    "Weighted": "加权金额",
    "Tier": "客户级别",
    "Cadence (days)": "拜访周期(天)",
    "Accounts to visit": "需拜访客户",
    "Not overdue": "未逾期",
    "Coverage": "覆盖率",
    "Number": "报价单号",
    "Revision": "版本",
    "Account": "客户",
    "Owner": "负责人",
    "Status": "状态",
    "Issued": "报价日期",
    "Valid until": "有效期至",
    "Total": "总额",
    "Accepted": "接受时间",
    "Title": "标题",
    "Category": "类别",
    "Severity": "严重程度",
    "Opened": "登记时间",
    "SLA due": "SLA截止",
    "Age (days)": "账龄(天)",
    "SLA": "SLA状态",
    "Age": "账龄",
    "Name": "名称",
    "Short name": "简称",
    "Credit code": "统一社会信用代码",
    "Industry": "行业",
    "Province": "省份",
    "City": "城市",
    "Address": "地址",
    "Phone": "电话",
    "Potential": "潜力",
    "Tags": "标签",
    "Updated": "更新时间",
    "Notes": "备注",
    # values
    "lead": "线索",
    "qualified": "已确认",
    "proposal": "方案",
    "negotiation": "谈判",
    "won": "赢单",
    "lost": "输单",
    "draft": "草稿",
    "pending_approval": "待审批",
    "approved": "已批准",
    "returned": "已退回",
    "sent": "已发送",
    "accepted": "已接受",
    "rejected": "已拒绝",
    "expired": "已过期",
    "quality": "质量",
    "delivery": "交付",
    "service": "服务",
    "price": "价格",
    "other": "其他",
    "low": "低",
    "medium": "中",
    "high": "高",
    "critical": "紧急",
    "open": "待处理",
    "in_progress": "处理中",
    "resolved": "已解决",
    "closed": "已关闭",
    "on_track": "正常",
    "near_breach": "即将超时",
    "breached": "已超时",
    "met": "按时完成",
    "missed": "超时完成",
    "none": "无",
    "0-2 d": "0-2天",
    "3-7 d": "3-7天",
    "8-30 d": "8-30天",
    ">30 d": "30天以上",
    "Team total": "团队合计",
    # the quote document (PDF)
    "Quotation": "报价单",
    "Quote no.": "报价单号",
    "Quote date": "报价日期",
    "Customer": "客户",
    "Contact": "联系人",
    "Prepared by": "报价人",
    "No.": "序号",
    "Item": "产品/服务",
    "Specification": "规格",
    "Qty": "数量",
    "Unit": "单位",
    "Unit price": "单价",
    "Discount": "折扣",
    "Tax rate": "税率",
    "Amount excl. tax": "金额(不含税)",
    "Subtotal": "小计",
    "Quote discount": "整单折扣",
    "Net amount": "不含税合计",
    "Tax": "税额",
    "Total incl. tax": "价税合计",
    "Total in words": "大写金额",
    "Payment terms": "付款条件",
    "Delivery terms": "交货条件",
    "For the supplier": "供方(盖章)",
    "For the customer": "需方(盖章)",
    "Signature / date": "签字 / 日期",
    "Prices in": "币种",
    # customer analysis (desktop/reports/analysis.py)
    "Customer analysis": "客户分析",
    "ABC": "ABC分类",
    "Dormant": "休眠客户",
    "Revenue": "收入",
    "Revenue {year}": "{year}年收入",
    "Year over year": "同比",
    "Class": "分类",
    "Cumulative share": "累计占比",
    "Share of wallet": "钱包份额",
    "Last order": "最近订单",
    "Last visit": "最近拜访",
    "Share of revenue": "收入占比",
    "Top accounts by revenue": "收入最高的客户",
    "Revenue by ABC class": "按ABC分类的收入",
    "Yes": "是",
    "Probability": "赢率",
    "Close date": "预计成交日期",
    "Source": "来源",
    "Competitors": "竞争对手",
    "Next step": "下一步",
    "Lost reason": "输单原因",
    "Lost to": "输给",
    "By competitor": "按竞争对手",
    "By lost reason": "按输单原因",
    "By rep": "按销售代表",
    "Competitor": "竞争对手",
    "Deals": "商机数",
    "Won": "赢单",
    "Lost": "输单",
    "Lost to them": "输给对方",
    "Amount lost to them": "输给对方金额",
    "Win rate": "赢率",
    "Won amount": "赢单金额",
    "Lost amount": "输单金额",
    "(no reason)": "（未填原因）",
    "By product category": "按产品类别",
    "Product category": "产品类别",
    "(no quote)": "（无报价）",
    "Win-loss": "赢单输单",
    "By": "维度",
    "Renewals next quarter": "下季度到期合同",
    "Contract": "合同编号",
    "Contract title": "合同名称",
    "Ends": "到期日",
    "Days left": "剩余天数",
    "Contract value": "合同金额",
    "Renewal started": "已发起续签",
    "No": "否",
    "Commission": "提成",
    "Orders": "订单数",
    "Commission base": "提成基数",
    "Multiplier": "倍数",
    "Orders paid": "已回款订单",
    "Order": "订单",
    "Paid on": "回款完成日",
    "Order amount": "订单金额",
    "Rate": "提成比例",
    "Tax id": "税号",
    "Bank": "开户行",
    "Account no.": "账号",
    "Invoice": "发票",
    "DRAFT": "草稿",
    "PENDING APPROVAL": "待审批",
    "RETURNED": "已退回",
    "EXPIRED": "已过期",
    # the account review pack (desktop/reports/review_pack*.py)
    "Account review pack": "客户复盘资料",
    "ABC class {year}": "{year}年ABC分类",
    "In the public pool": "公海客户",
    "Health": "健康度",
    "Healthy": "健康",
    "Needs attention": "需关注",
    "At risk": "有风险",
    "Revenue trend": "收入趋势",
    "Revenue by month": "按月收入",
    "Year": "年份",
    "Target vs actual": "目标与实际",
    "Target vs actual {year}": "{year}年目标与实际",
    "No per-account target or revenue this year": "本年度没有客户目标，也没有收入",
    "Stakeholder chart": "关键人地图",
    "Buying roles": "采购角色",
    "Job title": "职务",
    "Attitude": "态度",
    "Strength": "关系强度",
    "Last met": "最近见面",
    "Reports to": "上级",
    "No contacts yet": "还没有联系人",
    "Coverage rule for tier {tier}: {roles}, met within {days} days": (
        "{tier}类客户覆盖规则：{roles}，{days}天内见过"
    ),
    "Coverage gaps": "覆盖缺口",
    "Coverage gap": "覆盖缺口",
    "No coverage gaps": "没有覆盖缺口",
    "nobody plays it": "无人担任",
    "not met within {days} days": "{days}天内未见过",
    "Decision maker": "决策者",
    "Influencer": "影响者",
    "User": "使用者",
    "Gatekeeper": "把关者",
    "Finance": "财务",
    "Technical": "技术",
    "Supportive": "支持",
    "Neutral": "中立",
    "Opposed": "反对",
    "Points": "分值",
    "Reason": "原因",
    "Starts at {base}": "基础分 {base}",
    "No reasons: the score is its base": "没有加减分：得分即基础分",
    "no decision maker met in {days} days": "{days} 天内未见过决策者",
    "a decision maker met {days} days ago": "{days} 天前见过决策者",
    "never visited (the tier wants a visit every {cadence} days)": (
        "从未拜访（该等级要求每 {cadence} 天拜访一次）"
    ),
    "last visit {days} days ago (the tier wants one every {cadence} days)": (
        "上次拜访在 {days} 天前（该等级要求每 {cadence} 天拜访一次）"
    ),
    "visited {days} days ago": "{days} 天前拜访过",
    "¥{amount} overdue more than {days} days": "¥{amount} 逾期超过 {days} 天",
    "¥{amount} overdue": "¥{amount} 已逾期",
    "{count} complaints past SLA": "{count} 个投诉超过 SLA",
    "orders up {pct} % year over year": "订单同比增长 {pct}%",
    "orders down {pct} % year over year": "订单同比下降 {pct}%",
    "first orders this year: ¥{amount}": "一年来首次下单：¥{amount}",
    "Open opportunities": "进行中的商机",
    "Opportunity": "商机",
    "Receivables": "应收账款",
    "Outstanding": "未回款",
    "Overdue": "已逾期",
    "Nothing outstanding": "没有未回款",
    "Order date": "下单日期",
    "Paid": "已回款",
    "Payment due": "应回款日期",
    "Days overdue": "逾期天数",
    "{open} open, {late} past SLA": "未结 {open} 个，超过 SLA {late} 个",
    "Past SLA": "已超时",
    "Close to breach": "即将超时",
    "On track": "正常",
    "Next actions": "下一步行动",
    "Action": "行动",
    "Due": "截止日期",
    "Recent visits": "最近拜访",
    "Date": "日期",
    "Type": "方式",
    "Purpose": "目的",
    "On-site": "上门",
    "Phone call": "电话",
    "Video call": "视频",
    "Value": "值",
    "None": "无",
    "Printed": "打印日期",
}

# An account's status has words of its own: "lost" is a customer lost (流失), not a deal
# lost (输单). The same words as the Accounts list (a test keeps them in step).
ACCOUNT_STATUS_ZH_CN: dict[str, str] = {
    "prospect": "潜在",
    "active": "合作中",
    "dormant": "休眠",
    "lost": "流失",
}


def default_language() -> str:
    """zh_CN when the system speaks Chinese, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh_CN" if code.lower().startswith("zh") else "en"


def resolve_language(setting: str | None) -> str:
    """A language setting ('en', 'zh_CN', 'system', None) -> 'en' or 'zh_CN'."""
    if setting in LANGUAGES:
        return setting
    if setting and setting.lower().startswith("zh"):
        return "zh_CN"
    if setting and setting.lower().startswith("en"):
        return "en"
    return default_language()


class Labels:
    """``labels("Target")`` -> the word in the workbook's language."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
        self.language = language

    def account_status(self, code: str) -> str:
        if self.language == "zh_CN":
            return ACCOUNT_STATUS_ZH_CN.get(code, code)
        return self(code)

    def __call__(self, text: str) -> str:
        if self.language == "zh_CN":
            return ZH_CN.get(text, text)
        return text.replace("_", " ").capitalize() if text.islower() and text.isascii() else text
