<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AccountReviewPack</name>
    <message>
      <source>PDF in Chinese (*.pdf)</source>
      <translation>中文 PDF (*.pdf)</translation>
    </message>
    <message>
      <source>PDF in English (*.pdf)</source>
      <translation>英文 PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Excel in Chinese (*.xlsx)</source>
      <translation>中文 Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Excel in English (*.xlsx)</source>
      <translation>英文 Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Save the review pack</source>
      <translation>保存复盘资料</translation>
    </message>
    <message>
      <source>Writing the review pack…</source>
      <translation>正在生成复盘资料…</translation>
    </message>
    <message>
      <source>Review pack saved to %1</source>
      <translation>复盘资料已保存到 %1</translation>
    </message>
    <message>
      <source>The review pack was not saved: %1</source>
      <translation>复盘资料未保存：%1</translation>
    </message>
    <message>
      <source>The review pack was not saved: the account is no longer there.</source>
      <translation>复盘资料未保存：该客户已不存在。</translation>
    </message>
    <message>
      <source>The review pack was not saved.</source>
      <translation>复盘资料未保存。</translation>
    </message>
  </context>
  <context>
    <name>AccountTimelineTab</name>
    <message>
      <source>Show older</source>
      <translation>显示更早的</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>时间线</translation>
    </message>
    <message>
      <source>Nothing of these kinds yet.</source>
      <translation>暂无这些类型的记录。</translation>
    </message>
    <message>
      <source>The newest %1 items; “Show older” for more.</source>
      <translation>最新的 %1 条；点“显示更早的”查看更多。</translation>
    </message>
    <message>
      <source>%1 items, newest first.</source>
      <translation>共 %1 条，最新的在前。</translation>
    </message>
  </context>
  <context>
    <name>AttendeePicker</name>
    <message>
      <source>Who attended</source>
      <translation>参会人</translation>
    </message>
    <message>
      <source>Their side</source>
      <translation>客户方</translation>
    </message>
    <message>
      <source>Our side</source>
      <translation>我方</translation>
    </message>
  </context>
  <context>
    <name>Health</name>
    <message>
      <source>No decision maker met in %1 days</source>
      <translation>%1 天内未见过决策者</translation>
    </message>
    <message>
      <source>A decision maker met %1 days ago</source>
      <translation>%1 天前见过决策者</translation>
    </message>
    <message>
      <source>Never visited (the tier wants a visit every %1 days)</source>
      <translation>从未拜访（该等级要求每 %1 天拜访一次）</translation>
    </message>
    <message>
      <source>Last visit %1 days ago (the tier wants one every %2 days)</source>
      <translation>上次拜访在 %1 天前（该等级要求每 %2 天拜访一次）</translation>
    </message>
    <message>
      <source>Visited %1 days ago</source>
      <translation>%1 天前拜访过</translation>
    </message>
    <message>
      <source>%1 overdue more than %2 days</source>
      <translation>%1 逾期超过 %2 天</translation>
    </message>
    <message>
      <source>%1 overdue</source>
      <translation>%1 已逾期</translation>
    </message>
    <message>
      <source>%1 complaints past their SLA</source>
      <translation>%1 个投诉超过 SLA</translation>
    </message>
    <message>
      <source>Orders up %1 % year over year</source>
      <translation>订单同比增长 %1%</translation>
    </message>
    <message>
      <source>Orders down %1 % year over year</source>
      <translation>订单同比下降 %1%</translation>
    </message>
    <message>
      <source>First orders in a year: %1</source>
      <translation>一年来首次下单：%1</translation>
    </message>
    <message>
      <source>Healthy</source>
      <translation>健康</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>需关注</translation>
    </message>
    <message>
      <source>At risk</source>
      <translation>有风险</translation>
    </message>
    <message>
      <source>Health %1: %2</source>
      <translation>健康度 %1：%2</translation>
    </message>
  </context>
  <context>
    <name>HealthTab</name>
    <message>
      <source>Rule-based: every point has its reason. Managers set the weights in the rules.</source>
      <translation>按规则计算：每一分都有原因。经理可在规则中设置权重。</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>健康度</translation>
    </message>
    <message>
      <source>Health %1 / 100 · %2</source>
      <translation>健康度 %1 / 100 · %2</translation>
    </message>
    <message>
      <source>Starting score: %1</source>
      <translation>起始分：%1</translation>
    </message>
  </context>
  <context>
    <name>KeyAccountRules</name>
    <message>
      <source>Starting score</source>
      <translation>起始分</translation>
    </message>
    <message>
      <source>Decision maker met (points)</source>
      <translation>见过决策者（分）</translation>
    </message>
    <message>
      <source>… within days</source>
      <translation>……天数以内</translation>
    </message>
    <message>
      <source>Visited within the tier's cadence (points)</source>
      <translation>按等级周期拜访（分）</translation>
    </message>
    <message>
      <source>Money overdue (points)</source>
      <translation>款项逾期（分）</translation>
    </message>
    <message>
      <source>… long overdue after days</source>
      <translation>……逾期超过天数</translation>
    </message>
    <message>
      <source>Each complaint past its SLA (points)</source>
      <translation>每个超过 SLA 的投诉（分）</translation>
    </message>
    <message>
      <source>… at most (points)</source>
      <translation>……最多（分）</translation>
    </message>
    <message>
      <source>Orders up or down year over year (points)</source>
      <translation>订单同比增减（分）</translation>
    </message>
    <message>
      <source>… by at least (%)</source>
      <translation>……幅度至少（%）</translation>
    </message>
    <message>
      <source>Key accounts</source>
      <translation>大客户</translation>
    </message>
  </context>
  <context>
    <name>KeyAccountRulesTab</name>
    <message>
      <source>Save key-account rules</source>
      <translation>保存大客户规则</translation>
    </message>
    <message>
      <source>Stakeholder coverage: meet these roles within</source>
      <translation>关键人覆盖：在以下天数内见过这些角色</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天</translation>
    </message>
    <message>
      <source>Tier %1</source>
      <translation>%1 级</translation>
    </message>
    <message>
      <source>Health score: points for each reason</source>
      <translation>健康度：每项原因的分值</translation>
    </message>
    <message>
      <source>Saved: every device follows these rules after sync.</source>
      <translation>已保存：同步后所有设备都将遵循这些规则。</translation>
    </message>
  </context>
  <context>
    <name>OrgChart</name>
    <message>
      <source>Never met</source>
      <translation>从未见面</translation>
    </message>
    <message>
      <source>Last met %1</source>
      <translation>上次见面 %1</translation>
    </message>
    <message>
      <source>%1:
nobody in this role</source>
      <translation>%1：
无人担任</translation>
    </message>
    <message>
      <source>%1:
not met within %2 days</source>
      <translation>%1：
%2 天内未见面</translation>
    </message>
  </context>
  <context>
    <name>StakeholdersTab</name>
    <message>
      <source>Tier %1: no stakeholder coverage required.</source>
      <translation>%1 级客户：无关键人覆盖要求。</translation>
    </message>
    <message>
      <source>Tier %1 wants %2 met within %3 days: covered.</source>
      <translation>%1 级客户要求 %3 天内见过%2：已覆盖。</translation>
    </message>
    <message>
      <source>Tier %1 wants %2 met within %3 days. Gaps: %4</source>
      <translation>%1 级客户要求 %3 天内见过%2。缺口：%4</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>适应窗口</translation>
    </message>
    <message>
      <source>Drag a box onto another to change whom they report to.</source>
      <translation>把一个方框拖到另一个方框上即可修改汇报关系。</translation>
    </message>
    <message>
      <source>Stakeholders</source>
      <translation>关键人</translation>
    </message>
    <message>
      <source>Selected contact</source>
      <translation>所选联系人</translation>
    </message>
    <message>
      <source>Click a box to select a contact.</source>
      <translation>点击方框选择联系人。</translation>
    </message>
    <message>
      <source>(not known)</source>
      <translation>（未知）</translation>
    </message>
    <message>
      <source>(not rated)</source>
      <translation>（未评级）</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Reports to nobody here</source>
      <translation>不向本客户任何人汇报</translation>
    </message>
    <message>
      <source>Attitude</source>
      <translation>态度</translation>
    </message>
    <message>
      <source>Strength</source>
      <translation>关系强度</translation>
    </message>
    <message>
      <source>Buying roles</source>
      <translation>采购角色</translation>
    </message>
    <message>
      <source>Their role in the decision: change it in Contacts</source>
      <translation>其决策角色：请在“联系人”中修改</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <source>Visit</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>Quotes</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Payment for order %1</source>
      <translation>订单 %1 的回款</translation>
    </message>
    <message>
      <source>(no purpose written)</source>
      <translation>（未填写目的）</translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>What</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>经办人</translation>
    </message>
  </context>
</TS>