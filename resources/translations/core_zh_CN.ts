<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>About Fieldbook</source>
      <translation>关于 Fieldbook</translation>
    </message>
    <message>
      <source>Client profiles, visits, quotes and targets for key-account teams, offline first.</source>
      <translation>面向大客户团队的客户档案、拜访、报价与目标管理，离线优先。</translation>
    </message>
    <message>
      <source>Data folder: %1</source>
      <translation>数据文件夹：%1</translation>
    </message>
    <message>
      <source>Open source under the MIT licence.</source>
      <translation>基于 MIT 许可证开源。</translation>
    </message>
  </context>
  <context>
    <name>AccountComplaintsModel</name>
    <message>
      <source>Opened</source>
      <translation>提出时间</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>SLA due</source>
      <translation>SLA 截止</translation>
    </message>
    <message>
      <source>Age (days)</source>
      <translation>已过天数</translation>
    </message>
    <message>
      <source>Past its SLA</source>
      <translation>已超出 SLA</translation>
    </message>
    <message>
      <source>Close to its SLA</source>
      <translation>即将超出 SLA</translation>
    </message>
  </context>
  <context>
    <name>AccountComplaintsTab</name>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>No complaints.</source>
      <translation>没有投诉。</translation>
    </message>
    <message>
      <source>Complaints: %1 · open: %2 · past their SLA: %3</source>
      <translation>投诉：%1 · 未结：%2 · 已超出 SLA：%3</translation>
    </message>
  </context>
  <context>
    <name>AccountInstalmentsTab</name>
    <message>
      <source>Open order</source>
      <translation>打开订单</translation>
    </message>
    <message>
      <source>Add instalment…</source>
      <translation>添加回款节点…</translation>
    </message>
    <message>
      <source>Record payment…</source>
      <translation>登记回款…</translation>
    </message>
    <message>
      <source>Receivables</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>No payment plan and no order with a payment date yet.</source>
      <translation>还没有回款计划，也没有带付款日期的订单。</translation>
    </message>
    <message>
      <source>Planned %1 · paid %2 · open %3</source>
      <translation>计划 %1 · 已收 %2 · 未收 %3</translation>
    </message>
    <message>
      <source>overdue %1</source>
      <translation>逾期 %1</translation>
    </message>
    <message>
      <source>DSO %1 days</source>
      <translation>DSO %1 天</translation>
    </message>
  </context>
  <context>
    <name>AccountPicker</name>
    <message>
      <source>Search accounts: name, short name, pinyin (qhcs), credit code</source>
      <translation>搜索客户：名称、简称、拼音（如 qhcs）、信用代码</translation>
    </message>
    <message>
      <source>No account chosen</source>
      <translation>未选择客户</translation>
    </message>
    <message>
      <source>Account: %1</source>
      <translation>客户：%1</translation>
    </message>
  </context>
  <context>
    <name>AccountQuotesTab</name>
    <message>
      <source>Quotes</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>No quotes yet.</source>
      <translation>尚无报价。</translation>
    </message>
    <message>
      <source>Quotes (latest revisions): %1 · open: %2, worth %3</source>
      <translation>报价（最新版本）：%1 · 未结：%2，金额 %3</translation>
    </message>
  </context>
  <context>
    <name>AccountReceivablesTab</name>
    <message>
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>No orders yet.</source>
      <translation>尚无订单。</translation>
    </message>
    <message>
      <source>Outstanding: %1 · orders: %2</source>
      <translation>未收款：%1 · 订单数：%2</translation>
    </message>
    <message>
      <source>overdue: %1 · overdue orders: %2</source>
      <translation>逾期：%1 · 逾期订单数：%2</translation>
    </message>
  </context>
  <context>
    <name>AccountTab</name>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Show it on its page (or double-click the row)</source>
      <translation>在其页面中打开（或双击该行）</translation>
    </message>
  </context>
  <context>
    <name>AccountVisitsTab</name>
    <message>
      <source>Visits</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>No visits yet.</source>
      <translation>尚无拜访记录。</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Last visit: %1 · next planned: %2 · visits in all: %3</source>
      <translation>上次拜访：%1 · 下次计划：%2 · 拜访总数：%3</translation>
    </message>
  </context>
  <context>
    <name>Crash</name>
    <message>
      <source>Something went wrong inside Fieldbook. Your saved data is safe.
A report without customer data was saved to:
%1</source>
      <translation>Fieldbook 内部出错。已保存的数据是安全的。
一份不含客户数据的报告已保存到：
%1</translation>
    </message>
  </context>
  <context>
    <name>DailyBackup</name>
    <message>
      <source>the disk is full</source>
      <translation>磁盘已满</translation>
    </message>
    <message>
      <source>permission denied</source>
      <translation>没有权限</translation>
    </message>
    <message>
      <source>see the log</source>
      <translation>详见日志</translation>
    </message>
    <message>
      <source>Today's backup of your data could not be made (%1); your work is not affected, and Fieldbook tries again at the next start.</source>
      <translation>今天的数据备份未能完成（%1）；您的工作不受影响，Fieldbook 会在下次启动时再试。</translation>
    </message>
  </context>
  <context>
    <name>DomainText</name>
    <message>
      <source>a cancelled follow-up cannot be completed</source>
      <translation>已取消的跟进事项不能标记完成</translation>
    </message>
    <message>
      <source>a cancelled visit cannot be checked in</source>
      <translation>已取消的拜访不能签到</translation>
    </message>
    <message>
      <source>a cancelled visit has no call report</source>
      <translation>已取消的拜访没有拜访报告</translation>
    </message>
    <message>
      <source>a visit with a call report cannot be cancelled</source>
      <translation>已有拜访报告的拜访不能取消</translation>
    </message>
    <message>
      <source>only a planned visit can be moved</source>
      <translation>只有计划中的拜访可以改期</translation>
    </message>
    <message>
      <source>the report is not submitted yet</source>
      <translation>周报尚未提交</translation>
    </message>
    <message>
      <source>this weekly report is already submitted</source>
      <translation>该周报已提交</translation>
    </message>
    <message>
      <source>this weekly report is submitted and can no longer be changed</source>
      <translation>该周报已提交，不能再修改</translation>
    </message>
    <message>
      <source>choose an account</source>
      <translation>请选择客户</translation>
    </message>
    <message>
      <source>choose the account the complaint is about</source>
      <translation>请选择投诉所涉及的客户</translation>
    </message>
    <message>
      <source>a target cannot be negative</source>
      <translation>目标不能为负数</translation>
    </message>
    <message>
      <source>must be more than zero</source>
      <translation>必须大于零</translation>
    </message>
    <message>
      <source>not an amount</source>
      <translation>不是有效金额</translation>
    </message>
    <message>
      <source>coordinates out of range</source>
      <translation>坐标超出范围</translation>
    </message>
    <message>
      <source>contacts must belong to the account</source>
      <translation>联系人必须属于该客户</translation>
    </message>
    <message>
      <source>between %1 and %2</source>
      <translation>介于 %1 到 %2 之间</translation>
    </message>
    <message>
      <source>not a number</source>
      <translation>不是数字</translation>
    </message>
    <message>
      <source>tell the manager why these terms are needed</source>
      <translation>请向经理说明为何需要这些条件</translation>
    </message>
    <message>
      <source>a quote needs at least one line</source>
      <translation>报价至少需要一行明细</translation>
    </message>
    <message>
      <source>a name is required</source>
      <translation>必须填写名称</translation>
    </message>
    <message>
      <source>tell the rep what to change</source>
      <translation>请告诉销售需要修改什么</translation>
    </message>
    <message>
      <source>is required: say why the accounts move</source>
      <translation>必填：请说明客户移交的原因</translation>
    </message>
    <message>
      <source>only an accepted quote becomes an order</source>
      <translation>只有已接受的报价可以转为订单</translation>
    </message>
    <message>
      <source>write a summary before submitting</source>
      <translation>提交前请填写总结</translation>
    </message>
    <message>
      <source>a follow-up needs a title</source>
      <translation>跟进事项需要填写标题</translation>
    </message>
    <message>
      <source>is not an active user</source>
      <translation>不是在职用户</translation>
    </message>
    <message>
      <source>ends before it starts</source>
      <translation>结束日期早于开始日期</translation>
    </message>
    <message>
      <source>the validity date has passed</source>
      <translation>有效期已过</translation>
    </message>
    <message>
      <source>required</source>
      <translation>必填</translation>
    </message>
    <message>
      <source>at most %1</source>
      <translation>最多 %1</translation>
    </message>
    <message>
      <source>is longer than %1 characters</source>
      <translation>超过 %1 个字符</translation>
    </message>
    <message>
      <source>between %1 and %2 minutes</source>
      <translation>介于 %1 到 %2 分钟之间</translation>
    </message>
    <message>
      <source>write what happened</source>
      <translation>请填写拜访情况</translation>
    </message>
    <message>
      <source>is not a known role</source>
      <translation>不是已知的角色</translation>
    </message>
    <message>
      <source>is not a known status</source>
      <translation>不是已知的状态</translation>
    </message>
    <message>
      <source>a SKU is required</source>
      <translation>必须填写产品编码（SKU）</translation>
    </message>
    <message>
      <source>a rate such as 0.%1</source>
      <translation>税率形如 0.%1</translation>
    </message>
    <message>
      <source>a complaint needs a title</source>
      <translation>投诉需要填写标题</translation>
    </message>
    <message>
      <source>a whole number from %1 to %2</source>
      <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
      <source>a whole number of days from %1 to %2</source>
      <translation>%1 到 %2 之间的整数天数</translation>
    </message>
    <message>
      <source>a whole number of hours from %1 to %2</source>
      <translation>%1 到 %2 之间的整数小时数</translation>
    </message>
    <message>
      <source>a percentage from %1 to %2</source>
      <translation>%1 到 %2 之间的百分比</translation>
    </message>
    <message>
      <source>a product or a description is required</source>
      <translation>需要选择产品或填写描述</translation>
    </message>
    <message>
      <source>must be a whole number from %1 to %2</source>
      <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
      <source>a time needs its time zone</source>
      <translation>时间必须带时区</translation>
    </message>
    <message>
      <source>unknown field</source>
      <translation>未知字段</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
  </context>
  <context>
    <name>ExportProgress</name>
    <message>
      <source>Export to Excel</source>
      <translation>导出到 Excel</translation>
    </message>
    <message>
      <source>Exporting %1…</source>
      <translation>正在导出%1…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
  </context>
  <context>
    <name>Failure</name>
    <message>
      <source>The disk is full, so this was not saved; nothing was lost and what you typed is still here: free some space, then try again.</source>
      <translation>磁盘已满，本次未能保存；没有丢失任何数据，您输入的内容仍在这里：请腾出一些空间后再试。</translation>
    </message>
    <message>
      <source>Fieldbook may not read or write %1; check its permissions, then try again.</source>
      <translation>Fieldbook 无权读写 %1；请检查其权限后再试。</translation>
    </message>
    <message>
      <source>Something went wrong inside Fieldbook and this was not done; your saved data is safe, and the details are in %1.</source>
      <translation>Fieldbook 内部出错，本次操作未完成；已保存的数据是安全的，详细信息见 %1。</translation>
    </message>
    <message>
      <source>The database file %1 is damaged, and there is no backup to go back to. It was left as it is: move it away to start with an empty database, then sync.</source>
      <translation>数据库文件 %1 已损坏，且没有可恢复的备份。该文件未被改动：将其移走即可从空数据库开始，然后同步。</translation>
    </message>
    <message>
      <source>The database file %1 is damaged; it was left as it is. The newest backup is %2 (from %3): to use it, quit Fieldbook, move the damaged file away and copy the backup in its place.</source>
      <translation>数据库文件 %1 已损坏；该文件未被改动。最新的备份是 %2（%3）：如需使用，请退出 Fieldbook，移走损坏的文件，并把备份复制到它的位置。</translation>
    </message>
    <message>
      <source>Log file: %1</source>
      <translation>日志文件：%1</translation>
    </message>
    <message>
      <source>Open Backups Folder</source>
      <translation>打开备份文件夹</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>InstalmentDialog</name>
    <message>
      <source>Add an instalment</source>
      <translation>添加回款节点</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>%1 %2 · %3 (planned %4)</source>
      <translation>%1 %2 · %3（已计划 %4）</translation>
    </message>
    <message>
      <source>For</source>
      <translation>所属</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Due on</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>or a percent of the value, e.g. 30</source>
      <translation>或金额的百分比，例如 30</translation>
    </message>
    <message>
      <source>Percent</source>
      <translation>百分比</translation>
    </message>
    <message>
      <source>e.g. 30 days after acceptance</source>
      <translation>例如：验收后 30 天</translation>
    </message>
    <message>
      <source>Condition</source>
      <translation>条件</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>This account has no order or contract to plan for.</source>
      <translation>该客户还没有可制定回款计划的订单或合同。</translation>
    </message>
    <message>
      <source>Type the amount as a number more than zero.</source>
      <translation>金额请输入大于零的数字。</translation>
    </message>
    <message>
      <source>Type the percent as a number from 0 to 100.</source>
      <translation>百分比请输入 0 到 100 之间的数字。</translation>
    </message>
    <message>
      <source>Type an amount or a percent of the value.</source>
      <translation>请输入金额，或合同/订单金额的百分比。</translation>
    </message>
  </context>
  <context>
    <name>InstalmentsModel</name>
    <message>
      <source>Due</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Instalment</source>
      <translation>回款节点</translation>
    </message>
    <message>
      <source>For</source>
      <translation>所属</translation>
    </message>
    <message>
      <source>Condition</source>
      <translation>条件</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>计划金额</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>已收</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未收</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>逾期天数</translation>
    </message>
    <message>
      <source>Ageing</source>
      <translation>账龄</translation>
    </message>
    <message>
      <source>Whole order</source>
      <translation>整单</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Quality</source>
      <translation>质量</translation>
    </message>
    <message>
      <source>Delivery</source>
      <translation>交付</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>处理中</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>已解决</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>On track</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>Close to breach</source>
      <translation>即将超时</translation>
    </message>
    <message>
      <source>Past SLA</source>
      <translation>已超时</translation>
    </message>
    <message>
      <source>Met</source>
      <translation>按时完成</translation>
    </message>
    <message>
      <source>Missed</source>
      <translation>超时完成</translation>
    </message>
    <message>
      <source>Lead</source>
      <translation>线索</translation>
    </message>
    <message>
      <source>Qualified</source>
      <translation>已确认</translation>
    </message>
    <message>
      <source>Proposal</source>
      <translation>方案</translation>
    </message>
    <message>
      <source>Negotiation</source>
      <translation>谈判</translation>
    </message>
    <message>
      <source>Won</source>
      <translation>赢单</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>输单</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Opportunity</source>
      <translation>商机</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>经理</translation>
    </message>
    <message>
      <source>Price list</source>
      <translation>价格表</translation>
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
      <source>Currency</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>描述</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Discount</source>
      <translation>折扣</translation>
    </message>
    <message>
      <source>Tax rate</source>
      <translation>税率</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Created by</source>
      <translation>创建人</translation>
    </message>
    <message>
      <source>Changed by</source>
      <translation>修改人</translation>
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
      <source>Company name</source>
      <translation>公司名称</translation>
    </message>
    <message>
      <source>Tax id</source>
      <translation>税号</translation>
    </message>
    <message>
      <source>Bank</source>
      <translation>开户行</translation>
    </message>
    <message>
      <source>Account number</source>
      <translation>账号</translation>
    </message>
    <message>
      <source>Invoice type</source>
      <translation>发票类型</translation>
    </message>
    <message>
      <source>Logo</source>
      <translation>标志</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>网站</translation>
    </message>
    <message>
      <source>Parent account</source>
      <translation>上级客户</translation>
    </message>
    <message>
      <source>Potential</source>
      <translation>潜力</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Why it is not a duplicate</source>
      <translation>非重复说明</translation>
    </message>
    <message>
      <source>Claimed at</source>
      <translation>认领时间</translation>
    </message>
    <message>
      <source>Team member</source>
      <translation>团队成员</translation>
    </message>
    <message>
      <source>Job title</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Role in the decision</source>
      <translation>决策角色</translation>
    </message>
    <message>
      <source>Primary contact</source>
      <translation>主要联系人</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <source>WeChat</source>
      <translation>微信</translation>
    </message>
    <message>
      <source>Birthday</source>
      <translation>生日</translation>
    </message>
    <message>
      <source>Reports to</source>
      <translation>汇报对象</translation>
    </message>
    <message>
      <source>Buying roles</source>
      <translation>采购角色</translation>
    </message>
    <message>
      <source>Attitude</source>
      <translation>态度</translation>
    </message>
    <message>
      <source>Relationship strength</source>
      <translation>关系强度</translation>
    </message>
    <message>
      <source>Colleague</source>
      <translation>同事</translation>
    </message>
    <message>
      <source>Attached to</source>
      <translation>所属记录</translation>
    </message>
    <message>
      <source>File name</source>
      <translation>文件名</translation>
    </message>
    <message>
      <source>Content</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>File type</source>
      <translation>文件类型</translation>
    </message>
    <message>
      <source>Kind of file</source>
      <translation>文件种类</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>显示名称</translation>
    </message>
    <message>
      <source>Rep code</source>
      <translation>销售代码</translation>
    </message>
    <message>
      <source>SKU</source>
      <translation>产品编码</translation>
    </message>
    <message>
      <source>Specification</source>
      <translation>规格</translation>
    </message>
    <message>
      <source>List price</source>
      <translation>目录价</translation>
    </message>
    <message>
      <source>Maximum discount</source>
      <translation>最大折扣</translation>
    </message>
    <message>
      <source>Floor price</source>
      <translation>底价</translation>
    </message>
    <message>
      <source>Valid from</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <source>Valid to</source>
      <translation>失效日期</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Probability</source>
      <translation>赢率</translation>
    </message>
    <message>
      <source>Close date</source>
      <translation>预计成交日期</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Next step</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Why it was lost</source>
      <translation>输单原因</translation>
    </message>
    <message>
      <source>Lost to</source>
      <translation>输给</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Strengths</source>
      <translation>优势</translation>
    </message>
    <message>
      <source>Weaknesses</source>
      <translation>劣势</translation>
    </message>
    <message>
      <source>Opportunities</source>
      <translation>机会</translation>
    </message>
    <message>
      <source>Threats</source>
      <translation>威胁</translation>
    </message>
    <message>
      <source>Account plan</source>
      <translation>客户计划</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标值</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>签订日期</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>End</source>
      <translation>结束日期</translation>
    </message>
    <message>
      <source>Contract value</source>
      <translation>合同金额</translation>
    </message>
    <message>
      <source>Sent for approval to</source>
      <translation>提交审批给</translation>
    </message>
    <message>
      <source>Revision</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Previous revision</source>
      <translation>上一版本</translation>
    </message>
    <message>
      <source>Latest revision</source>
      <translation>最新版本</translation>
    </message>
    <message>
      <source>Issued on</source>
      <translation>报价日期</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Payment terms</source>
      <translation>付款条件</translation>
    </message>
    <message>
      <source>Delivery terms</source>
      <translation>交货条件</translation>
    </message>
    <message>
      <source>Quote discount</source>
      <translation>整单折扣</translation>
    </message>
    <message>
      <source>Subtotal</source>
      <translation>小计</translation>
    </message>
    <message>
      <source>Tax</source>
      <translation>税额</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>价税合计</translation>
    </message>
    <message>
      <source>Why approval is needed</source>
      <translation>需审批原因</translation>
    </message>
    <message>
      <source>Justification</source>
      <translation>申请理由</translation>
    </message>
    <message>
      <source>Decided by</source>
      <translation>审批人</translation>
    </message>
    <message>
      <source>Decided at</source>
      <translation>审批时间</translation>
    </message>
    <message>
      <source>Decision note</source>
      <translation>审批意见</translation>
    </message>
    <message>
      <source>Sent at</source>
      <translation>发送时间</translation>
    </message>
    <message>
      <source>Accepted at</source>
      <translation>接受时间</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Order date</source>
      <translation>下单日期</translation>
    </message>
    <message>
      <source>Expected delivery</source>
      <translation>预计交货日期</translation>
    </message>
    <message>
      <source>Payment due</source>
      <translation>回款到期</translation>
    </message>
    <message>
      <source>Delivered on</source>
      <translation>交货日期</translation>
    </message>
    <message>
      <source>Instalment</source>
      <translation>回款节点</translation>
    </message>
    <message>
      <source>Due on</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Percent of the value</source>
      <translation>占金额百分比</translation>
    </message>
    <message>
      <source>Condition</source>
      <translation>条件</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>到账日期</translation>
    </message>
    <message>
      <source>Payment method</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Opened at</source>
      <translation>提出时间</translation>
    </message>
    <message>
      <source>SLA due</source>
      <translation>SLA 到期</translation>
    </message>
    <message>
      <source>Resolved at</source>
      <translation>解决时间</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>处理结果</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Commission rate</source>
      <translation>提成比例</translation>
    </message>
    <message>
      <source>Accelerator multiplier</source>
      <translation>超额倍数</translation>
    </message>
    <message>
      <source>Accelerator threshold</source>
      <translation>超额起点</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>目的</translation>
    </message>
    <message>
      <source>Planned start</source>
      <translation>计划开始</translation>
    </message>
    <message>
      <source>Planned minutes</source>
      <translation>计划时长（分钟）</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Checked in at</source>
      <translation>签到时间</translation>
    </message>
    <message>
      <source>Check-in location</source>
      <translation>签到地点</translation>
    </message>
    <message>
      <source>Ended at</source>
      <translation>结束时间</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Call report</source>
      <translation>拜访报告</translation>
    </message>
    <message>
      <source>Next steps</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Competitors</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Done at</source>
      <translation>完成时间</translation>
    </message>
    <message>
      <source>Week of</source>
      <translation>所在周</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>本周总结</translation>
    </message>
    <message>
      <source>Plan objective</source>
      <translation>计划目标</translation>
    </message>
    <message>
      <source>Plan for next week</source>
      <translation>下周计划</translation>
    </message>
    <message>
      <source>Submitted at</source>
      <translation>提交时间</translation>
    </message>
    <message>
      <source>Manager's comment</source>
      <translation>经理点评</translation>
    </message>
    <message>
      <source>Commented by</source>
      <translation>点评人</translation>
    </message>
    <message>
      <source>Sales rep</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Supportive</source>
      <translation>支持</translation>
    </message>
    <message>
      <source>Neutral</source>
      <translation>中立</translation>
    </message>
    <message>
      <source>Opposed</source>
      <translation>反对</translation>
    </message>
    <message>
      <source>Finance</source>
      <translation>财务</translation>
    </message>
    <message>
      <source>Technical</source>
      <translation>技术</translation>
    </message>
    <message>
      <source>Not delivered</source>
      <translation>未交货</translation>
    </message>
    <message>
      <source>Partly delivered</source>
      <translation>部分交货</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>已交货</translation>
    </message>
    <message>
      <source>Advance</source>
      <translation>预付款</translation>
    </message>
    <message>
      <source>On delivery</source>
      <translation>发货款</translation>
    </message>
    <message>
      <source>On acceptance</source>
      <translation>验收款</translation>
    </message>
    <message>
      <source>Retention</source>
      <translation>质保金</translation>
    </message>
    <message>
      <source>Not yet due</source>
      <translation>未到期</translation>
    </message>
    <message>
      <source>0–30 days</source>
      <translation>0–30 天</translation>
    </message>
    <message>
      <source>31–90 days</source>
      <translation>31–90 天</translation>
    </message>
    <message>
      <source>91–180 days</source>
      <translation>91–180 天</translation>
    </message>
    <message>
      <source>Over 180 days</source>
      <translation>180 天以上</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>银行转账</translation>
    </message>
    <message>
      <source>Bank acceptance bill</source>
      <translation>银行承兑汇票</translation>
    </message>
    <message>
      <source>Cheque</source>
      <translation>支票</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>现金</translation>
    </message>
  </context>
  <context>
    <name>ListExport</name>
    <message>
      <source>Export to Excel…</source>
      <translation>导出到 Excel…</translation>
    </message>
    <message>
      <source>Export the rows and columns shown (%1)</source>
      <translation>导出当前显示的行和列（%1）</translation>
    </message>
    <message>
      <source>Export the rows and columns shown</source>
      <translation>导出当前显示的行和列</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>导出到 Excel</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n row(s) to %1</source>
      <translation>
        <numerusform>已导出 %n 行到 %1</numerusform>
      </translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
      <source>Export failed: %1</source>
      <translation>导出失败：%1</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Fieldbook</source>
      <translation>Fieldbook 大客户助手</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>转到(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About Fieldbook</source>
      <translation>关于 Fieldbook(&amp;A)</translation>
    </message>
    <message>
      <source>Opening your data…</source>
      <translation>正在打开数据…</translation>
    </message>
    <message>
      <source>Data: %1</source>
      <translation>数据：%1</translation>
    </message>
    <message>
      <source>Device revoked</source>
      <translation>设备已停用</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <source>Signed in: %1</source>
      <translation>已登录：%1</translation>
    </message>
    <message>
      <source>Not signed in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <source>Working as %1</source>
      <translation>当前用户 %1</translation>
    </message>
    <message>
      <source>Error: %1</source>
      <translation>错误：%1</translation>
    </message>
  </context>
  <context>
    <name>Navigation</name>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Tasks</source>
      <translation>任务</translation>
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
      <source>Approvals</source>
      <translation>审批</translation>
    </message>
    <message>
      <source>Pipeline</source>
      <translation>商机</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
  </context>
  <context>
    <name>PaymentDialog</name>
    <message>
      <source>Record a payment</source>
      <translation>登记回款</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Amount received</source>
      <translation>收款金额</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>收款日期</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Instalment</source>
      <translation>回款节点</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未收</translation>
    </message>
    <message>
      <source>Pays</source>
      <translation>本次核销</translation>
    </message>
    <message>
      <source>Record the order first: a payment is received on an order.</source>
      <translation>请先录入订单：回款登记在订单上。</translation>
    </message>
    <message>
      <source>Type the amount received as a number more than zero.</source>
      <translation>收款金额请输入大于零的数字。</translation>
    </message>
    <message>
      <source>Row %1: type what the payment pays as a number.</source>
      <translation>第 %1 行：核销金额请输入数字。</translation>
    </message>
  </context>
  <context>
    <name>QAbstractFileIconProvider</name>
    <message>
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>File Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <source>Drive</source>
      <translation>驱动器</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>%1 File</source>
      <translation>%1 文件</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>未知</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>RuleText</name>
    <message>
      <source>%1 is required.</source>
      <translation>%1 为必填项。</translation>
    </message>
    <message>
      <source>%1 is longer than %2 characters.</source>
      <translation>%1 超过 %2 个字符。</translation>
    </message>
    <message>
      <source>%1 contains an invisible control character (often copied from another program).</source>
      <translation>%1 含有不可见的控制字符（常见于从其他程序复制的内容）。</translation>
    </message>
    <message>
      <source>%1 must be between %2 and %3.</source>
      <translation>%1 必须在 %2 到 %3 之间。</translation>
    </message>
    <message>
      <source>%1 cannot be “%2”.</source>
      <translation>%1 不能是“%2”。</translation>
    </message>
    <message>
      <source>%1 does not point at a valid record.</source>
      <translation>%1 指向的不是有效记录。</translation>
    </message>
    <message>
      <source>%1 has a value of the wrong kind.</source>
      <translation>%1 的值类型不对。</translation>
    </message>
    <message>
      <source>%1 is not a valid %2.</source>
      <translation>%1 不是有效的%2。</translation>
    </message>
    <message>
      <source>%1 is not a real date.</source>
      <translation>%1 不是有效日期。</translation>
    </message>
    <message>
      <source>%1 refers to a record that does not exist.</source>
      <translation>%1 引用的记录不存在。</translation>
    </message>
    <message>
      <source>An account cannot belong to its own group: this parent would make a loop.</source>
      <translation>客户不能隶属于自己的集团：这个上级会形成循环。</translation>
    </message>
    <message>
      <source>A contact cannot report to themselves or to someone who reports to them: that makes a loop.</source>
      <translation>联系人不能向自己或自己的下属汇报：这会形成循环。</translation>
    </message>
    <message>
      <source>A contact can only report to a contact of the same account.</source>
      <translation>联系人只能向同一客户的联系人汇报。</translation>
    </message>
    <message>
      <source>An attendee is either a contact of the account or a colleague.</source>
      <translation>参会人要么是客户的联系人，要么是同事。</translation>
    </message>
    <message>
      <source>Only contacts of the visited account can attend its visit.</source>
      <translation>只有被拜访客户的联系人才能作为该拜访的参会人。</translation>
    </message>
    <message>
      <source>A %1 cannot go from “%2” to “%3”.</source>
      <translation>%1不能从“%2”变为“%3”。</translation>
    </message>
    <message>
      <source>Only a manager may do this.</source>
      <translation>只有经理可以进行此操作。</translation>
    </message>
    <message>
      <source>Only an administrator may do this.</source>
      <translation>只有管理员可以进行此操作。</translation>
    </message>
    <message>
      <source>Nobody approves their own quote: it goes to their manager for approval.</source>
      <translation>任何人都不能审批自己的报价：报价需提交给其经理审批。</translation>
    </message>
    <message>
      <source>This quote goes to the manager of its owner's team, or to an administrator when its owner is a manager or has no team.</source>
      <translation>此报价应由报价人所在团队的经理审批；报价人本身是经理或不属于任何团队时，由管理员审批。</translation>
    </message>
    <message>
      <source>Tell the manager why the customer needs these terms.</source>
      <translation>请向经理说明客户需要这些条件的理由。</translation>
    </message>
    <message>
      <source>Write a note telling the rep what to change before returning the quote.</source>
      <translation>退回报价前，请填写意见，告诉销售代表需要修改什么。</translation>
    </message>
    <message>
      <source>Write a note telling the rep what to change before returning the contract.</source>
      <translation>退回合同前，请写明需要销售修改的内容。</translation>
    </message>
    <message>
      <source>An approval is recorded in the name of the manager who gives it.</source>
      <translation>审批只能以做出审批的经理的名义记录。</translation>
    </message>
    <message>
      <source>This %1 is %2 and can no longer be changed.</source>
      <translation>此%1已%2，不能再修改。</translation>
    </message>
    <message>
      <source>This quote has been sent to the customer and can no longer be changed; revise it instead.</source>
      <translation>此报价已发给客户，不能再修改；请改为修订报价。</translation>
    </message>
    <message>
      <source>A visit is done only with its call report.</source>
      <translation>拜访需填写拜访报告后才能完成。</translation>
    </message>
    <message>
      <source>A change can only be recorded in the name of the person who made it.</source>
      <translation>修改记录只能以修改人的名义记录。</translation>
    </message>
    <message>
      <source>At stage “%1” the probability is from %2% to %3%.</source>
      <translation>“%1”阶段的赢率应在 %2% 到 %3% 之间。</translation>
    </message>
    <message>
      <source>Say why the opportunity was lost.</source>
      <translation>请填写商机输单的原因。</translation>
    </message>
    <message>
      <source>Too early to check in: check-in opens at %1, %2 hours before the visit. Check in when you arrive.</source>
      <translation>现在签到太早：签到于 %1 开放（拜访前 %2 小时）。请到达后再签到。</translation>
    </message>
    <message>
      <source>Check-in closed at the end of the visit's day (%1). Write the report: the visit is recorded as reported later.</source>
      <translation>签到已于拜访当天（%1）结束时关闭。请填写拜访报告：该拜访将记为事后补记。</translation>
    </message>
    <message>
      <source>A check-in at a tier %1 account needs its location.</source>
      <translation>%1 类客户的签到必须填写位置。</translation>
    </message>
    <message>
      <source>%1 is before the start: a contract ends after it starts.</source>
      <translation>%1早于开始日期：合同应在开始之后结束。</translation>
    </message>
    <message>
      <source>This account already has a plan for %1: change that one.</source>
      <translation>该客户已有 %1 年的计划：请修改那一份。</translation>
    </message>
    <message>
      <source>Only the account's owner, its account team, the owner's manager or an administrator may change its plan.</source>
      <translation>只有客户负责人、客户团队成员、负责人的经理或管理员可以修改客户计划。</translation>
    </message>
    <message>
      <source>Only the account's owner, the owner's manager or an administrator change its account team.</source>
      <translation>只有客户负责人、负责人的经理或管理员可以修改客户团队。</translation>
    </message>
    <message>
      <source>A contract's documents and orders belong to the contract's account.</source>
      <translation>合同的文档和订单必须属于该合同的客户。</translation>
    </message>
    <message>
      <source>An objective and its actions belong to the account of their plan.</source>
      <translation>目标及其行动属于其计划所在的客户。</translation>
    </message>
    <message>
      <source>%1 must be more than zero.</source>
      <translation>%1 必须大于零。</translation>
    </message>
    <message>
      <source>%1 is far from the plan's year %2: choose a date in %2 or close to it.</source>
      <translation>%1 离计划年度 %2 太远：请选择 %2 年内或相近的日期。</translation>
    </message>
    <message>
      <source>An instalment belongs to one contract or one order: choose one.</source>
      <translation>回款节点只属于一个合同或一个订单，请选择其一。</translation>
    </message>
    <message>
      <source>%1 belongs to another account.</source>
      <translation>%1属于其他客户。</translation>
    </message>
    <message>
      <source>The payment plan (%1) would be more than the %2's value (%3).</source>
      <translation>回款计划（%1）将超过该%2的金额（%3）。</translation>
    </message>
    <message>
      <source>%1 is before the %2 (%3).</source>
      <translation>%1早于该%2（%3）。</translation>
    </message>
    <message>
      <source>%1 is already paid on this instalment: it cannot be less.</source>
      <translation>该回款节点已收 %1，金额不能低于此数。</translation>
    </message>
    <message>
      <source>The allocations (%1) would be more than the payment (%2).</source>
      <translation>核销合计（%1）将超过本次回款（%2）。</translation>
    </message>
    <message>
      <source>Only %1 is still open on this instalment.</source>
      <translation>该回款节点只剩 %1 未收。</translation>
    </message>
    <message>
      <source>Payments are matched to this %1: remove those matches first.</source>
      <translation>已有回款核销到该%1：请先取消这些核销。</translation>
    </message>
    <message>
      <source>This kind of record is unknown to the server.</source>
      <translation>服务器不认识这种记录。</translation>
    </message>
    <message>
      <source>The server does not know the field %1.</source>
      <translation>服务器不认识字段 %1。</translation>
    </message>
    <message>
      <source>Another record already has this value, and it must be unique.</source>
      <translation>另一条记录已使用此值，该值必须唯一。</translation>
    </message>
    <message>
      <source>The record no longer exists on the server.</source>
      <translation>该记录在服务器上已不存在。</translation>
    </message>
    <message>
      <source>The server found the record inconsistent.</source>
      <translation>服务器发现该记录不一致。</translation>
    </message>
    <message>
      <source>The server refused this change.</source>
      <translation>服务器拒绝了此修改。</translation>
    </message>
    <message>
      <source>This change is larger than the server accepts; it was kept on this device.</source>
      <translation>此修改超出服务器接受的大小；已保留在本机。</translation>
    </message>
    <message>
      <source>The server sent this record in a form this Fieldbook cannot store; it was left out and the rest was synced.</source>
      <translation>服务器发来的这条记录格式无法保存；已跳过，其余数据已同步。</translation>
    </message>
    <message>
      <source>A value</source>
      <translation>某个值</translation>
    </message>
    <message>
      <source>unified social credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>phone number</source>
      <translation>电话号码</translation>
    </message>
    <message>
      <source>mobile number (11 digits starting with 1, or + and a country code)</source>
      <translation>手机号（以 1 开头的 11 位数字，或 + 加国家代码）</translation>
    </message>
    <message>
      <source>e-mail address</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <source>web address</source>
      <translation>网址</translation>
    </message>
    <message>
      <source>file fingerprint</source>
      <translation>文件指纹</translation>
    </message>
    <message>
      <source>currency code</source>
      <translation>币种代码</translation>
    </message>
    <message>
      <source>list of buying roles</source>
      <translation>采购角色列表</translation>
    </message>
    <message>
      <source>tax id (15, 17, 18 or 20 characters)</source>
      <translation>税号（15、17、18 或 20 位）</translation>
    </message>
    <message>
      <source>bank account number (digits)</source>
      <translation>银行账号（数字）</translation>
    </message>
    <message>
      <source>invoice type</source>
      <translation>发票类型</translation>
    </message>
    <message>
      <source>PNG image up to 200 KB</source>
      <translation>不超过 200 KB 的 PNG 图片</translation>
    </message>
    <message>
      <source>The change breaks a rule (%1).</source>
      <translation>此修改违反了规则（%1）。</translation>
    </message>
  </context>
  <context>
    <name>RulesTab</name>
    <message>
      <source>Save rules</source>
      <translation>保存规则</translation>
    </message>
    <message>
      <source>These rules apply to the whole team; every device follows them after sync.</source>
      <translation>这些规则适用于整个团队，各设备同步后生效。</translation>
    </message>
    <message>
      <source>Tier %1</source>
      <translation>%1 类客户</translation>
    </message>
    <message>
      <source>Visit coverage: visit each account at least every</source>
      <translation>拜访覆盖：每个客户至少每隔</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天</translation>
    </message>
    <message>
      <source>Check-in opens</source>
      <translation>签到开放时间</translation>
    </message>
    <message>
      <source>hours before the visit (until the end of its day)</source>
      <translation>小时（拜访开始前，至当天结束）</translation>
    </message>
    <message>
      <source>Check-in needs the location</source>
      <translation>签到须填写位置</translation>
    </message>
    <message>
      <source>Maximum discount without approval</source>
      <translation>免审批的最大折扣</translation>
    </message>
    <message>
      <source>Leave empty for no limit.</source>
      <translation>留空表示不限制。</translation>
    </message>
    <message>
      <source>Public pool (公海)</source>
      <translation>公海</translation>
    </message>
    <message>
      <source>Claimed accounts per rep</source>
      <translation>每位销售可认领客户数</translation>
    </message>
    <message>
      <source>Tier %1 goes back after</source>
      <translation>%1 类客户退回公海：</translation>
    </message>
    <message>
      <source>days without activity</source>
      <translation>天无跟进</translation>
    </message>
    <message>
      <source>Complaint response time (SLA)</source>
      <translation>投诉响应时限（SLA）</translation>
    </message>
    <message>
      <source>hours</source>
      <translation>小时</translation>
    </message>
    <message>
      <source>Archive completeness: what each tier's file must hold</source>
      <translation>档案完整度：各类客户档案必须包含的内容</translation>
    </message>
    <message>
      <source>Minimum contacts</source>
      <translation>最少联系人数</translation>
    </message>
    <message>
      <source>A contact who is %1</source>
      <translation>有一位%1</translation>
    </message>
    <message>
      <source>File: %1</source>
      <translation>文件：%1</translation>
    </message>
    <message>
      <source>Enter a percentage from 0 to 100.</source>
      <translation>请输入 0 到 100 之间的百分比。</translation>
    </message>
    <message>
      <source>Hours: a whole number from 0 to %1.</source>
      <translation>小时数：0 到 %1 之间的整数。</translation>
    </message>
    <message>
      <source>Minimum contacts: a whole number from 0 to 20.</source>
      <translation>最少联系人数：0 到 20 之间的整数。</translation>
    </message>
    <message>
      <source>Enter a whole number greater than 0.</source>
      <translation>请输入大于 0 的整数。</translation>
    </message>
    <message>
      <source>At most %1.</source>
      <translation>最多 %1。</translation>
    </message>
    <message>
      <source>Some rules need fixing; see the messages beside them.</source>
      <translation>部分规则有误，请查看旁边的提示。</translation>
    </message>
    <message>
      <source>Rules saved. Every device follows them after the next sync.</source>
      <translation>规则已保存。下次同步后各设备生效。</translation>
    </message>
    <message>
      <source>General</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Rules</source>
      <translation>规则</translation>
    </message>
  </context>
  <context>
    <name>SellerTab</name>
    <message>
      <source>Company name:</source>
      <translation>公司名称：</translation>
    </message>
    <message>
      <source>Address:</source>
      <translation>地址：</translation>
    </message>
    <message>
      <source>Phone:</source>
      <translation>电话：</translation>
    </message>
    <message>
      <source>Tax id (税号):</source>
      <translation>税号：</translation>
    </message>
    <message>
      <source>Bank (开户行):</source>
      <translation>开户行：</translation>
    </message>
    <message>
      <source>Account number (账号):</source>
      <translation>账号：</translation>
    </message>
    <message>
      <source>(not stated)</source>
      <translation>（不注明）</translation>
    </message>
    <message>
      <source>VAT special invoice (增值税专用发票)</source>
      <translation>增值税专用发票</translation>
    </message>
    <message>
      <source>VAT ordinary invoice (增值税普通发票)</source>
      <translation>增值税普通发票</translation>
    </message>
    <message>
      <source>Fully digitalised e-invoice (全电发票)</source>
      <translation>全电发票</translation>
    </message>
    <message>
      <source>Invoice type:</source>
      <translation>发票类型：</translation>
    </message>
    <message>
      <source>Choose PNG…</source>
      <translation>选择 PNG…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Logo (optional):</source>
      <translation>标志（可选）：</translation>
    </message>
    <message>
      <source>Printed on every quote, on every device after sync.</source>
      <translation>打印在每份报价单上；同步后所有设备生效。</translation>
    </message>
    <message>
      <source>Only an administrator changes these.</source>
      <translation>仅管理员可修改这些信息。</translation>
    </message>
    <message>
      <source>Save seller details</source>
      <translation>保存供方信息</translation>
    </message>
    <message>
      <source>PNG, %1 KB</source>
      <translation>PNG，%1 KB</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Choose a logo</source>
      <translation>选择标志</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
      <source>The logo is larger than %1 KB.</source>
      <translation>标志图片超过 %1 KB。</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>General</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>语言：</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>更改…</translation>
    </message>
    <message>
      <source>Data folder:</source>
      <translation>数据文件夹：</translation>
    </message>
    <message>
      <source>Language and data folder apply after a restart.</source>
      <translation>语言和数据文件夹在重启后生效。</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Allow plain HTTP to another computer (unsafe)</source>
      <translation>允许以明文 HTTP 连接其他计算机（不安全）</translation>
    </message>
    <message>
      <source>Every minute</source>
      <translation>每分钟</translation>
    </message>
    <message>
      <source>Every 5 minutes</source>
      <translation>每 5 分钟</translation>
    </message>
    <message>
      <source>Every 15 minutes</source>
      <translation>每 15 分钟</translation>
    </message>
    <message>
      <source>Every 30 minutes</source>
      <translation>每 30 分钟</translation>
    </message>
    <message>
      <source>Only when I press Sync</source>
      <translation>仅在我点击同步时</translation>
    </message>
    <message>
      <source>Every %1 minutes</source>
      <translation>每 %1 分钟</translation>
    </message>
    <message>
      <source>Every %1 seconds</source>
      <translation>每 %1 秒</translation>
    </message>
    <message>
      <source>Sync automatically:</source>
      <translation>自动同步：</translation>
    </message>
    <message>
      <source>Account:</source>
      <translation>账号：</translation>
    </message>
    <message>
      <source>Company details on this computer's documents</source>
      <translation>本机单据上的公司信息</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <source>Address:</source>
      <translation>地址：</translation>
    </message>
    <message>
      <source>Phone:</source>
      <translation>电话：</translation>
    </message>
    <message>
      <source>Logo:</source>
      <translation>标志：</translation>
    </message>
    <message>
      <source>Used until an administrator sets the seller's details (Seller tab).</source>
      <translation>管理员设置供方信息（“供方信息”标签页）之前使用。</translation>
    </message>
    <message>
      <source>Seller</source>
      <translation>供方信息</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Choose the data folder</source>
      <translation>选择数据文件夹</translation>
    </message>
    <message>
      <source>Choose a logo</source>
      <translation>选择标志图片</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg *.svg)</source>
      <translation>图片 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
      <source>Settings not saved</source>
      <translation>设置未保存</translation>
    </message>
    <message>
      <source>The settings could not be saved: %1</source>
      <translation>无法保存设置：%1</translation>
    </message>
  </context>
</TS>