<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AgendaModel</name>
    <message>
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>目的</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Check-in</source>
      <translation>签到</translation>
    </message>
  </context>
  <context>
    <name>PlanVisitDialog</name>
    <message>
      <source>Plan a visit</source>
      <translation>计划拜访</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>Defaults to the account's address</source>
      <translation>默认为客户地址</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>拜访方式</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>拜访目的</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始时间</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>时长</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>%1 has passed: a visit cannot be planned for it. Save again to record it as a visit that already happened (recorded later, on its real date); then write its call report.</source>
      <translation>%1 已经过去，不能为其计划拜访。再次保存即可将其记为已发生的拜访（事后补记，保留实际日期），然后填写拜访报告。</translation>
    </message>
    <message>
      <source>Record as done</source>
      <translation>记为已拜访</translation>
    </message>
    <message>
      <source>Choose an account first.</source>
      <translation>请先选择客户。</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>This rep already has a visit then: %1. Save again to plan it anyway.</source>
      <translation>该销售此时段已有拜访：%1。再次保存即仍然安排。</translation>
    </message>
    <message>
      <source>Plan anyway</source>
      <translation>仍然安排</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <source>Visit</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>Where (text, or coordinates like 31.2304, 121.4737)</source>
      <translation>地点（文字，或坐标如 31.2304, 121.4737）</translation>
    </message>
    <message>
      <source>Check in now</source>
      <translation>立即签到</translation>
    </message>
    <message>
      <source>(choose the outcome)</source>
      <translation>（请选择结果）</translation>
    </message>
    <message>
      <source>What happened, what the client said</source>
      <translation>拜访经过、客户的意见</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>跟进事项</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Pre-visit briefing (PDF)…</source>
      <translation>拜访简报 (PDF)…</translation>
    </message>
    <message>
      <source>New opportunity…</source>
      <translation>新建商机…</translation>
    </message>
    <message>
      <source>An opportunity of this account, filled in from the call report</source>
      <translation>按拜访报告新建此客户的商机</translation>
    </message>
    <message>
      <source>Check-in</source>
      <translation>签到</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>拜访记录</translation>
    </message>
    <message>
      <source>Next steps</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Competitors mentioned</source>
      <translation>提及的竞争对手</translation>
    </message>
    <message>
      <source>Follow-ups</source>
      <translation>跟进事项</translation>
    </message>
    <message>
      <source>Save call report</source>
      <translation>保存拜访报告</translation>
    </message>
    <message>
      <source>Checked in at %1</source>
      <translation>已于 %1 签到</translation>
    </message>
    <message>
      <source>on time</source>
      <translation>准时</translation>
    </message>
    <message>
      <source>late</source>
      <translation>迟到</translation>
    </message>
    <message>
      <source>Not checked in</source>
      <translation>未签到</translation>
    </message>
    <message>
      <source>Opportunity saved.</source>
      <translation>商机已保存。</translation>
    </message>
    <message>
      <source>Choose the outcome of the visit.</source>
      <translation>请选择拜访结果。</translation>
    </message>
    <message>
      <source>Write what happened before saving the report.</source>
      <translation>请先填写拜访记录再保存报告。</translation>
    </message>
    <message>
      <source>Pre-visit briefing</source>
      <translation>拜访简报</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>客户概况</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Key contacts</source>
      <translation>关键联系人</translation>
    </message>
    <message>
      <source>Stakeholder gaps</source>
      <translation>关键人缺口</translation>
    </message>
    <message>
      <source>Last call reports</source>
      <translation>最近的拜访报告</translation>
    </message>
    <message>
      <source>Open quotes</source>
      <translation>未结报价</translation>
    </message>
    <message>
      <source>Open complaints</source>
      <translation>未结投诉</translation>
    </message>
    <message>
      <source>Missing file items</source>
      <translation>缺少的档案项</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>打印日期</translation>
    </message>
    <message>
      <source>Competitors</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>Missing: %1 (nobody in this role)</source>
      <translation>缺：%1（无人担任）</translation>
    </message>
    <message>
      <source>Missing: %1 (not met within %2 days)</source>
      <translation>缺：%1（%2 天内未见）</translation>
    </message>
    <message>
      <source>Save briefing</source>
      <translation>保存拜访简报</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Briefing saved to %1</source>
      <translation>拜访简报已保存到 %1</translation>
    </message>
  </context>
  <context>
    <name>TaskList</name>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>This week</source>
      <translation>本周</translation>
    </message>
    <message>
      <source>Contracts to renew</source>
      <translation>待续签合同</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>以后</translation>
    </message>
  </context>
  <context>
    <name>TaskListModel</name>
    <message>
      <source>Section</source>
      <translation>分组</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>What</source>
      <translation>事项</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>No date</source>
      <translation>无日期</translation>
    </message>
    <message>
      <source>Ends in %1 days</source>
      <translation>%1 天后到期</translation>
    </message>
    <message>
      <source>%1 days late</source>
      <translation>逾期 %1 天</translation>
    </message>
    <message>
      <source>Due today</source>
      <translation>今天到期</translation>
    </message>
    <message>
      <source>In %1 days</source>
      <translation>%1 天后到期</translation>
    </message>
  </context>
  <context>
    <name>TasksPage</name>
    <message>
      <source>My follow-ups</source>
      <translation>我的跟进事项</translation>
    </message>
    <message>
      <source>My team's follow-ups</source>
      <translation>团队的跟进事项</translation>
    </message>
    <message>
      <source>Mark done</source>
      <translation>标记完成</translation>
    </message>
    <message>
      <source>Move to this date</source>
      <translation>改到此日期</translation>
    </message>
    <message>
      <source>Hand over</source>
      <translation>转交</translation>
    </message>
    <message>
      <source>Start renewal</source>
      <translation>发起续签</translation>
    </message>
    <message>
      <source>An opportunity for the contract's renewal, on the Pipeline page</source>
      <translation>为合同续签建一个商机，显示在商机页</translation>
    </message>
    <message>
      <source>Tasks</source>
      <translation>任务</translation>
    </message>
    <message>
      <source>Done: %1</source>
      <translation>已完成：%1</translation>
    </message>
    <message>
      <source>Moved to %1.</source>
      <translation>已改到 %1。</translation>
    </message>
    <message>
      <source>Handed over to %1.</source>
      <translation>已转交给 %1。</translation>
    </message>
  </context>
  <context>
    <name>TeamReportsModel</name>
    <message>
      <source>Rep</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>提交时间</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>点评</translation>
    </message>
  </context>
  <context>
    <name>TodayModel</name>
    <message>
      <source>Today's visits</source>
      <translation>今日拜访</translation>
    </message>
    <message>
      <source>Quotes waiting for your approval</source>
      <translation>待您审批的报价</translation>
    </message>
    <message>
      <source>Contracts waiting for your review</source>
      <translation>待您审核的合同</translation>
    </message>
    <message>
      <source>Overdue follow-ups</source>
      <translation>逾期的跟进</translation>
    </message>
    <message>
      <source>Follow-ups due today</source>
      <translation>今日到期的跟进</translation>
    </message>
    <message>
      <source>Team's overdue follow-ups</source>
      <translation>团队逾期的跟进</translation>
    </message>
    <message>
      <source>Accounts due for a visit</source>
      <translation>待拜访客户</translation>
    </message>
    <message>
      <source>Accounts at risk</source>
      <translation>风险客户</translation>
    </message>
    <message>
      <source>Quotes expiring within 7 days</source>
      <translation>7天内到期的报价</translation>
    </message>
    <message>
      <source>Contracts to renew</source>
      <translation>待续签合同</translation>
    </message>
    <message>
      <source>Late deliveries</source>
      <translation>延迟交付</translation>
    </message>
    <message>
      <source>Complaints near their SLA</source>
      <translation>即将超时的投诉</translation>
    </message>
    <message>
      <source>Complaints past their SLA</source>
      <translation>已超时的投诉</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>分组</translation>
    </message>
    <message>
      <source>Client</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>What</source>
      <translation>事项</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Under review</source>
      <translation>审核中</translation>
    </message>
    <message>
      <source>Ends in %1 days</source>
      <translation>%1 天后到期</translation>
    </message>
    <message>
      <source>Tier %1: due for a visit</source>
      <translation>%1 类客户，该拜访了</translation>
    </message>
    <message>
      <source>Health %1: %2</source>
      <translation>健康度 %1：%2</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Receivables: overdue and due this week</source>
      <translation>回款：逾期及本周到期</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>… and %1 more</source>
      <translation>…… 另有 %1 项</translation>
    </message>
  </context>
  <context>
    <name>TodayPage</name>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Mark follow-up done</source>
      <translation>标记跟进已完成</translation>
    </message>
    <message>
      <source>Start renewal</source>
      <translation>发起续签</translation>
    </message>
    <message>
      <source>An opportunity for the contract's renewal, on the Pipeline page</source>
      <translation>为合同续签建一个商机，显示在商机页</translation>
    </message>
    <message>
      <source>Nothing needs you today.</source>
      <translation>今天没有待办事项。</translation>
    </message>
    <message>
      <source>Team target %1: %2 of %3 (%4)</source>
      <translation>团队 %1 目标：%2 / %3（%4）</translation>
    </message>
    <message>
      <source>Target %1: %2 of %3 (%4)</source>
      <translation>%1 目标：%2 / %3（%4）</translation>
    </message>
    <message>
      <source>Overdue follow-ups: %1 (oldest due %2): %3</source>
      <translation>逾期跟进：%1 项（最早到期 %2）：%3</translation>
    </message>
    <message>
      <source>At %1: visit to %2</source>
      <translation>%1：拜访 %2</translation>
    </message>
    <message>
      <source>Fieldbook</source>
      <translation>Fieldbook</translation>
    </message>
  </context>
  <context>
    <name>VisitLabels</name>
    <message>
      <source>On-site</source>
      <translation>上门</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Video</source>
      <translation>视频</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>已计划</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未完成</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>待拜访</translation>
    </message>
    <message>
      <source>Positive</source>
      <translation>积极</translation>
    </message>
    <message>
      <source>Neutral</source>
      <translation>中性</translation>
    </message>
    <message>
      <source>Negative</source>
      <translation>消极</translation>
    </message>
    <message>
      <source>No decision</source>
      <translation>未决定</translation>
    </message>
    <message>
      <source>Short name</source>
      <translation>简称</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省份</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>网址</translation>
    </message>
    <message>
      <source>Potential</source>
      <translation>潜力</translation>
    </message>
    <message>
      <source>Parent account</source>
      <translation>上级单位</translation>
    </message>
    <message>
      <source>Decision maker</source>
      <translation>决策者</translation>
    </message>
    <message>
      <source>Influencer</source>
      <translation>影响者</translation>
    </message>
    <message>
      <source>User</source>
      <translation>使用者</translation>
    </message>
    <message>
      <source>Gatekeeper</source>
      <translation>把关者</translation>
    </message>
    <message>
      <source>Business licence</source>
      <translation>营业执照</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Business card</source>
      <translation>名片</translation>
    </message>
    <message>
      <source>Other file</source>
      <translation>其他文件</translation>
    </message>
    <message>
      <source>%1 filled in</source>
      <translation>填写%1</translation>
    </message>
    <message>
      <source>At least %1 contacts</source>
      <translation>至少 %1 位联系人</translation>
    </message>
    <message>
      <source>A contact who is %1</source>
      <translation>一位%1联系人</translation>
    </message>
    <message>
      <source>%1 attached</source>
      <translation>上传%1</translation>
    </message>
    <message>
      <source>On time %1</source>
      <translation>准时 %1</translation>
    </message>
    <message>
      <source>Late %1</source>
      <translation>迟到 %1</translation>
    </message>
    <message>
      <source>Recorded later (%1)</source>
      <translation>事后补记（%1）</translation>
    </message>
  </context>
  <context>
    <name>VisitsPage</name>
    <message>
      <source>◀ Previous week</source>
      <translation>◀ 上一周</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Next week ▶</source>
      <translation>下一周 ▶</translation>
    </message>
    <message>
      <source>My visits</source>
      <translation>我的拜访</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>所有人</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Filter by account</source>
      <translation>按客户筛选</translation>
    </message>
    <message>
      <source>Plan a visit…</source>
      <translation>计划拜访…</translation>
    </message>
    <message>
      <source>Export calendar (.ics)…</source>
      <translation>导出日历 (.ics)…</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周视图</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>列表</translation>
    </message>
    <message>
      <source>Weekly report</source>
      <translation>周报</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>Week of %1 – %2</source>
      <translation>%1 至 %2</translation>
    </message>
    <message>
      <source>%1 (this week)</source>
      <translation>%1（本周）</translation>
    </message>
    <message>
      <source>Not moved: it clashes with %1.</source>
      <translation>未移动：与 %1 时间冲突。</translation>
    </message>
    <message>
      <source>Visit clash</source>
      <translation>拜访时间冲突</translation>
    </message>
    <message>
      <source>The rep already has a visit then (%1). Move it anyway?</source>
      <translation>该销售此时段已有拜访（%1）。仍然移动吗？</translation>
    </message>
    <message>
      <source>Moved to %1.</source>
      <translation>已改到 %1。</translation>
    </message>
    <message>
      <source>Export calendar</source>
      <translation>导出日历</translation>
    </message>
    <message>
      <source>iCalendar (*.ics)</source>
      <translation>iCalendar 日历 (*.ics)</translation>
    </message>
    <message>
      <source>Wrote %1 planned visits to %2.</source>
      <translation>已将 %1 个计划拜访写入 %2。</translation>
    </message>
  </context>
  <context>
    <name>WeekCalendar</name>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
  </context>
  <context>
    <name>WeeklyReportTab</name>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>已提交</translation>
    </message>
    <message>
      <source>Commented</source>
      <translation>已点评</translation>
    </message>
    <message>
      <source>My report</source>
      <translation>我的周报</translation>
    </message>
    <message>
      <source>What happened this week, what you achieved</source>
      <translation>本周做了什么、取得了哪些进展</translation>
    </message>
    <message>
      <source>Who you will see and what you will push next week</source>
      <translation>下周拜访谁、推进哪些事项</translation>
    </message>
    <message>
      <source>Save draft</source>
      <translation>保存草稿</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>Save comment</source>
      <translation>保存点评</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Export to PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Team reports this week</source>
      <translation>本周团队周报</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>本周总结</translation>
    </message>
    <message>
      <source>Next week's plan</source>
      <translation>下周计划</translation>
    </message>
    <message>
      <source>Manager's comment</source>
      <translation>经理点评</translation>
    </message>
    <message>
      <source>Weekly report</source>
      <translation>周报</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周次</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Submitted on</source>
      <translation>提交时间</translation>
    </message>
    <message>
      <source>The week in figures</source>
      <translation>本周数据</translation>
    </message>
    <message>
      <source>Visits done</source>
      <translation>已完成拜访</translation>
    </message>
    <message>
      <source>Visits still planned</source>
      <translation>未完成的计划拜访</translation>
    </message>
    <message>
      <source>Visits cancelled</source>
      <translation>已取消拜访</translation>
    </message>
    <message>
      <source>Follow-ups completed</source>
      <translation>已完成跟进</translation>
    </message>
    <message>
      <source>Follow-ups open</source>
      <translation>待办跟进</translation>
    </message>
    <message>
      <source>Follow-ups overdue</source>
      <translation>逾期跟进</translation>
    </message>
    <message>
      <source>Quotes issued</source>
      <translation>已发报价</translation>
    </message>
    <message>
      <source>Orders won</source>
      <translation>赢得订单</translation>
    </message>
    <message>
      <source>Call reports</source>
      <translation>拜访报告</translation>
    </message>
    <message>
      <source>Follow-ups</source>
      <translation>跟进事项</translation>
    </message>
    <message>
      <source>Visits planned next week</source>
      <translation>下周计划拜访</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>目的</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>单号</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Weekly report of %1, week %2</source>
      <translation>%1 的周报，%2</translation>
    </message>
    <message>
      <source>%1 – locked</source>
      <translation>%1 – 已锁定</translation>
    </message>
    <message>
      <source>Submitted. Your manager sees it after the next sync.</source>
      <translation>已提交。下次同步后经理即可看到。</translation>
    </message>
    <message>
      <source>Draft saved.</source>
      <translation>草稿已保存。</translation>
    </message>
    <message>
      <source>Write a summary before submitting.</source>
      <translation>提交前请填写本周总结。</translation>
    </message>
    <message>
      <source>Comment saved.</source>
      <translation>点评已保存。</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Export to PDF</source>
      <translation>导出 PDF</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>已保存到 %1</translation>
    </message>
  </context>
</TS>