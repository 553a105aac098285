<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AnnualTargetDialog</name>
    <message>
      <source>Annual target</source>
      <translation>年度目标</translation>
    </message>
    <message>
      <source>Evenly</source>
      <translation>平均分配</translation>
    </message>
    <message>
      <source>Seasonal (slow Spring Festival, strong year-end)</source>
      <translation>按季节分配（春节淡季、年底旺季）</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售代表</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Amount (¥)</source>
      <translation>金额（¥）</translation>
    </message>
    <message>
      <source>Split</source>
      <translation>分配方式</translation>
    </message>
    <message>
      <source>Enter an amount such as 1200000</source>
      <translation>请输入金额，例如 1200000</translation>
    </message>
    <message>
      <source>Choose a rep</source>
      <translation>请选择销售代表</translation>
    </message>
  </context>
  <context>
    <name>BarChart</name>
    <message>
      <source>No data</source>
      <translation>暂无数据</translation>
    </message>
  </context>
  <context>
    <name>ComplaintDialog</name>
    <message>
      <source>New complaint</source>
      <translation>新建投诉</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
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
      <source>Description</source>
      <translation>描述</translation>
    </message>
    <message>
      <source>Choose the account from the list</source>
      <translation>请从列表中选择客户</translation>
    </message>
    <message>
      <source>Give the complaint a title</source>
      <translation>请填写投诉标题</translation>
    </message>
  </context>
  <context>
    <name>ComplaintsPage</name>
    <message>
      <source>Open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>New complaint…</source>
      <translation>新建投诉…</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
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
      <source>Opened</source>
      <translation>登记时间</translation>
    </message>
    <message>
      <source>SLA due</source>
      <translation>SLA截止</translation>
    </message>
    <message>
      <source>Age (days)</source>
      <translation>账龄（天）</translation>
    </message>
    <message>
      <source>SLA</source>
      <translation>SLA状态</translation>
    </message>
    <message>
      <source>Start work</source>
      <translation>开始处理</translation>
    </message>
    <message>
      <source>Resolve…</source>
      <translation>解决…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>{0} complaints, {1} past SLA, {2} close to breach</source>
      <translation>共 {0} 条投诉，{1} 条已超时，{2} 条即将超时</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>解决投诉</translation>
    </message>
    <message>
      <source>How was it resolved?</source>
      <translation>如何解决的？</translation>
    </message>
  </context>
  <context>
    <name>DashboardTab</name>
    <message>
      <source>All teams</source>
      <translation>全部团队</translation>
    </message>
    <message>
      <source>All reps</source>
      <translation>全部销售</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售代表</translation>
    </message>
    <message>
      <source>Target vs actual by month</source>
      <translation>每月目标与实际</translation>
    </message>
    <message>
      <source>Pipeline by stage</source>
      <translation>各阶段商机</translation>
    </message>
    <message>
      <source>Visit coverage by tier (%)</source>
      <translation>各级客户拜访覆盖率（%）</translation>
    </message>
    <message>
      <source>Open complaints by category and age</source>
      <translation>未结投诉（按类别和账龄）</translation>
    </message>
    <message>
      <source>Open receivables by days past due</source>
      <translation>未收回款（按逾期天数）</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>实际</translation>
    </message>
    <message>
      <source>Attainment</source>
      <translation>完成率</translation>
    </message>
    <message>
      <source>Weighted pipeline</source>
      <translation>加权商机</translation>
    </message>
    <message>
      <source>Forecast</source>
      <translation>预测</translation>
    </message>
    <message>
      <source>Forecast attainment</source>
      <translation>预测完成率</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>仪表板</translation>
    </message>
    <message>
      <source>&lt;b&gt;Target&lt;/b&gt; {0} &amp;nbsp; &lt;b&gt;Actual&lt;/b&gt; {1} ({2}) &amp;nbsp; &lt;b&gt;Forecast&lt;/b&gt; {3} &amp;nbsp; &lt;b&gt;Quote conversion&lt;/b&gt; {4} &amp;nbsp; &lt;b&gt;Open complaints&lt;/b&gt; {5} ({6} past SLA)</source>
      <translation>&lt;b&gt;目标&lt;/b&gt; {0} &amp;nbsp; &lt;b&gt;实际&lt;/b&gt; {1}（{2}） &amp;nbsp; &lt;b&gt;预测&lt;/b&gt; {3} &amp;nbsp; &lt;b&gt;报价转化率&lt;/b&gt; {4} &amp;nbsp; &lt;b&gt;未结投诉&lt;/b&gt; {5}（{6} 条超时）</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Weighted</source>
      <translation>加权金额</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>覆盖率</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未收</translation>
    </message>
  </context>
  <context>
    <name>ExportsTab</name>
    <message>
      <source>Meeting pack</source>
      <translation>会议资料包</translation>
    </message>
    <message>
      <source>All teams</source>
      <translation>全部团队</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Headers in</source>
      <translation>表头语言</translation>
    </message>
    <message>
      <source>Export meeting pack…</source>
      <translation>导出会议资料包…</translation>
    </message>
    <message>
      <source>Lists</source>
      <translation>列表</translation>
    </message>
    <message>
      <source>Export all accounts…</source>
      <translation>导出全部客户…</translation>
    </message>
    <message>
      <source>Export targets grid…</source>
      <translation>导出目标表…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Save workbook</source>
      <translation>保存工作簿</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
      <source>Export failed: {0}</source>
      <translation>导出失败：{0}</translation>
    </message>
    <message>
      <source>Wrote {0} sheets to {1}</source>
      <translation>已将 {0} 个工作表写入 {1}</translation>
    </message>
    <message>
      <source>Wrote {0} accounts to {1}</source>
      <translation>已将 {0} 个客户写入 {1}</translation>
    </message>
    <message>
      <source>Wrote {0} targets to {1}</source>
      <translation>已将 {0} 条目标写入 {1}</translation>
    </message>
  </context>
  <context>
    <name>ImportProblem</name>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>%1: required</source>
      <translation>%1：必填</translation>
    </message>
    <message>
      <source>%1: “%2” is not a number</source>
      <translation>%1：“%2”不是数字</translation>
    </message>
    <message>
      <source>%1: cannot be negative</source>
      <translation>%1：不能为负数</translation>
    </message>
    <message>
      <source>%1: “%2” is not a date (2026-03-05, 2026/3/5 or 2026年3月5日)</source>
      <translation>%1：“%2”不是日期（可写 2026-03-05、2026/3/5 或 2026年3月5日）</translation>
    </message>
    <message>
      <source>%1: “%2” is not a real date</source>
      <translation>%1：“%2”不是有效的日期</translation>
    </message>
    <message>
      <source>%1: “%2” is not a phone number</source>
      <translation>%1：“%2”不是电话号码</translation>
    </message>
    <message>
      <source>%1: “%2” is how Excel shows a long number, and its digits were lost when the file was saved. Set the column's format to Text in Excel (or open the original export) and save again.</source>
      <translation>%1：“%2”是 Excel 显示长数字的方式，保存文件时其中的数字已经丢失。请在 Excel 中把这一列的格式设为“文本”（或打开原始导出文件）后重新保存。</translation>
    </message>
    <message>
      <source>%1: “%2” is not a tier (A, B or C)</source>
      <translation>%1：“%2”不是客户等级（A、B 或 C）</translation>
    </message>
    <message>
      <source>%1: “%2” is not a status (%3)</source>
      <translation>%1：“%2”不是客户状态（%3）</translation>
    </message>
    <message>
      <source>%1: “%2” is not a role (%3)</source>
      <translation>%1：“%2”不是联系人角色（%3）</translation>
    </message>
    <message>
      <source>%1: “%2” is not a period such as 2026, 2026-Q3 or 2026-07</source>
      <translation>%1：“%2”不是期间（如 2026、2026-Q3 或 2026-07）</translation>
    </message>
    <message>
      <source>%1: no user “%2” (user name, name or rep code)</source>
      <translation>%1：没有用户“%2”（可写用户名、姓名或销售代码）</translation>
    </message>
    <message>
      <source>%1: “%2” names more than one user: use the user name</source>
      <translation>%1：“%2”对应多个用户，请写用户名</translation>
    </message>
    <message>
      <source>%1: no account “%2” (name, short name or credit code)</source>
      <translation>%1：没有客户“%2”（可写名称、简称或统一社会信用代码）</translation>
    </message>
    <message>
      <source>%1: “%2” names more than one account: use the credit code</source>
      <translation>%1：“%2”对应多个客户，请写统一社会信用代码</translation>
    </message>
    <message>
      <source>same as row %1</source>
      <translation>与第 %1 行相同</translation>
    </message>
    <message>
      <source>same record as row %1 with other values</source>
      <translation>与第 %1 行是同一条记录，但数值不同</translation>
    </message>
    <message>
      <source>no organisation on the card</source>
      <translation>名片上没有单位名称</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
  </context>
  <context>
    <name>ImportTab</name>
    <message>
      <source>Accounts</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>No file chosen</source>
      <translation>未选择文件</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>列对应</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Update</source>
      <translation>更新</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>无变化</translation>
    </message>
    <message>
      <source>Skip</source>
      <translation>跳过</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Owners who are not users</source>
      <translation>不是系统用户的负责人</translation>
    </message>
    <message>
      <source>Make me the owner of every account</source>
      <translation>所有客户的负责人都设为我</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>显示</translation>
    </message>
    <message>
      <source>All rows</source>
      <translation>全部行</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>已跳过</translation>
    </message>
    <message>
      <source>To create</source>
      <translation>待新建</translation>
    </message>
    <message>
      <source>To update</source>
      <translation>待更新</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Import from</source>
      <translation>从文件导入</translation>
    </message>
    <message>
      <source>Spreadsheets and contacts (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.vcf)</source>
      <translation>电子表格和通讯录 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.vcf)</translation>
    </message>
    <message>
      <source>Reading…</source>
      <translation>正在读取…</translation>
    </message>
    <message>
      <source>{0} vCards</source>
      <translation>{0} 张名片</translation>
    </message>
    <message>
      <source>Text in {0}</source>
      <translation>文本文件，编码 {0}</translation>
    </message>
    <message>
      <source>Sheet {0}: its header names {1} known columns</source>
      <translation>工作表 {0}：表头中有 {1} 列可识别</translation>
    </message>
    <message>
      <source>header in row {0}</source>
      <translation>表头在第 {0} 行</translation>
    </message>
    <message>
      <source>{0} data rows</source>
      <translation>{0} 行数据</translation>
    </message>
    <message>
      <source>hidden sheets are not data: {0}</source>
      <translation>隐藏的工作表不是数据：{0}</translation>
    </message>
    <message>
      <source>recognised: {0}</source>
      <translation>已识别：{0}</translation>
    </message>
    <message>
      <source>(not imported)</source>
      <translation>（不导入）</translation>
    </message>
    <message>
      <source>ambiguous: could be {0}</source>
      <translation>有歧义：可能是{0}</translation>
    </message>
    <message>
      <source>not a known column</source>
      <translation>无法识别的列</translation>
    </message>
    <message>
      <source>set by you</source>
      <translation>由你指定</translation>
    </message>
    <message>
      <source>ignored by you</source>
      <translation>由你忽略</translation>
    </message>
    <message>
      <source>a system column of the program</source>
      <translation>原系统的系统列</translation>
    </message>
    <message>
      <source>Fieldbook has no field for it</source>
      <translation>Fieldbook 没有对应的字段</translation>
    </message>
    <message>
      <source>contacts are imported on their own</source>
      <translation>联系人需单独导入</translation>
    </message>
    <message>
      <source>the same as Name</source>
      <translation>与名称相同</translation>
    </message>
    <message>
      <source>your own company in Odoo</source>
      <translation>Odoo 中你自己的公司</translation>
    </message>
    <message>
      <source>contacts have no owner in Fieldbook</source>
      <translation>Fieldbook 中联系人没有负责人</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
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
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>网址</translation>
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
      <source>Owner</source>
      <translation>负责人</translation>
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
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>First name</source>
      <translation>名</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation>姓</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>邮箱</translation>
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
      <source>SKU</source>
      <translation>产品编码</translation>
    </message>
    <message>
      <source>Specification</source>
      <translation>规格</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>List price</source>
      <translation>目录价</translation>
    </message>
    <message>
      <source>Tax rate</source>
      <translation>税率</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售代表</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Words read as a tier or a status:</source>
      <translation>按以下对照表读取等级和状态：</translation>
    </message>
    <message>
      <source>(choose a user)</source>
      <translation>（选择用户）</translation>
    </message>
    <message>
      <source>{0} ({1} rows)</source>
      <translation>{0}（{1} 行）</translation>
    </message>
    <message>
      <source>Read as {0}: {1} → {2} ({3} rows)</source>
      <translation>按对照表读取{0}：{1} → {2}（{3} 行）</translation>
    </message>
    <message>
      <source>Choose a column for: {0}</source>
      <translation>请为以下字段选择列：{0}</translation>
    </message>
    <message>
      <source>{0} to create, {1} to update, {2} unchanged, {3} skipped, {4} with errors</source>
      <translation>新建 {0}，更新 {1}，无变化 {2}，跳过 {3}，错误 {4}</translation>
    </message>
    <message>
      <source>Choose a user for each owner on the left.</source>
      <translation>请在左侧为每个负责人选择用户。</translation>
    </message>
    <message>
      <source>Imported: {0} created, {1} updated.</source>
      <translation>已导入：新建 {0}，更新 {1}。</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>仪表板</translation>
    </message>
    <message>
      <source>Meeting pack and exports</source>
      <translation>会议资料包与导出</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Win/loss</source>
      <translation>赢单输单</translation>
    </message>
  </context>
  <context>
    <name>TargetsPage</name>
    <message>
      <source>Targets</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Set annual target…</source>
      <translation>设置年度目标…</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售代表</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Actual</source>
      <translation>实际</translation>
    </message>
    <message>
      <source>Attainment</source>
      <translation>完成率</translation>
    </message>
    <message>
      <source>Forecast</source>
      <translation>预测</translation>
    </message>
    <message>
      <source>Forecast attainment</source>
      <translation>预测完成率</translation>
    </message>
    <message>
      <source>Months show attainment; hover for target and actual. Actual = accepted quotes and orders by acceptance date.</source>
      <translation>各月显示完成率，悬停可查看目标与实际。实际 = 按接受日期统计的已接受报价和订单。</translation>
    </message>
    <message>
      <source>Team: target {0}, actual {1}, attainment {2}</source>
      <translation>团队：目标 {0}，实际 {1}，完成率 {2}</translation>
    </message>
    <message>
      <source>{0}: target {1}, actual {2}</source>
      <translation>{0}：目标 {1}，实际 {2}</translation>
    </message>
  </context>
  <context>
    <name>WinLossTab</name>
    <message>
      <source>All teams</source>
      <translation>全部团队</translation>
    </message>
    <message>
      <source>Closed in</source>
      <translation>结束期间</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>Won</source>
      <translation>赢单</translation>
    </message>
    <message>
      <source>Won amount</source>
      <translation>赢单金额</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>输单</translation>
    </message>
    <message>
      <source>Lost amount</source>
      <translation>输单金额</translation>
    </message>
    <message>
      <source>Win rate</source>
      <translation>赢率</translation>
    </message>
    <message>
      <source>By competitor</source>
      <translation>按竞争对手</translation>
    </message>
    <message>
      <source>Competitor</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>Deals</source>
      <translation>商机数</translation>
    </message>
    <message>
      <source>Lost to them</source>
      <translation>输给对方</translation>
    </message>
    <message>
      <source>Amount lost to them</source>
      <translation>输给对方金额</translation>
    </message>
    <message>
      <source>By lost reason</source>
      <translation>按输单原因</translation>
    </message>
    <message>
      <source>Lost reason</source>
      <translation>输单原因</translation>
    </message>
    <message>
      <source>By rep</source>
      <translation>按销售代表</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售代表</translation>
    </message>
    <message>
      <source>By product category</source>
      <translation>按产品类别</translation>
    </message>
    <message>
      <source>Product category</source>
      <translation>产品类别</translation>
    </message>
    <message>
      <source>“%1” is not a period like 2026, 2026-Q3 or 2026-07.</source>
      <translation>“%1”不是有效期间，请按 2026、2026-Q3 或 2026-07 的格式填写。</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; deals closed: &lt;b&gt;%2&lt;/b&gt; won (%3), &lt;b&gt;%4&lt;/b&gt; lost (%5); win rate %6</source>
      <translation>已结束商机 &lt;b&gt;%1&lt;/b&gt; 个：赢单 &lt;b&gt;%2&lt;/b&gt; 个（%3），输单 &lt;b&gt;%4&lt;/b&gt; 个（%5）；赢率 %6</translation>
    </message>
    <message>
      <source>(no reason)</source>
      <translation>（未填原因）</translation>
    </message>
    <message>
      <source>(no quote)</source>
      <translation>（无报价）</translation>
    </message>
  </context>
</TS>