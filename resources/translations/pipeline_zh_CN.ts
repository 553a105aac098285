<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AccountCompetitorsTab</name>
    <message>
      <source>What they supply</source>
      <translation>供应的产品</translation>
    </message>
    <message>
      <source>Add incumbent</source>
      <translation>添加现有供应商</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Competitors</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>Incumbents: %1</source>
      <translation>现有供应商：%1</translation>
    </message>
    <message>
      <source>No incumbents recorded: who supplies this account today?</source>
      <translation>尚未记录现有供应商：目前是谁在供货？</translation>
    </message>
  </context>
  <context>
    <name>AccountContractsTab</name>
    <message>
      <source>New contract…</source>
      <translation>新建合同…</translation>
    </message>
    <message>
      <source>Submit for review</source>
      <translation>提交审核</translation>
    </message>
    <message>
      <source>Sign</source>
      <translation>审核通过</translation>
    </message>
    <message>
      <source>Return…</source>
      <translation>退回…</translation>
    </message>
    <message>
      <source>Activate</source>
      <translation>生效</translation>
    </message>
    <message>
      <source>Its documents, quotes and orders (or double-click the row)</source>
      <translation>查看合同文档、关联报价与订单（或双击该行）</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>No contracts yet.</source>
      <translation>暂无合同。</translation>
    </message>
    <message>
      <source>Contracts: %1 · renewal due: %2</source>
      <translation>合同：%1 份 · 待续约：%2</translation>
    </message>
    <message>
      <source>Contracts: %1</source>
      <translation>合同：%1 份</translation>
    </message>
    <message>
      <source>Choose a contract first.</source>
      <translation>请先选择一份合同。</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>退回</translation>
    </message>
    <message>
      <source>What must change?</source>
      <translation>需要修改什么？</translation>
    </message>
  </context>
  <context>
    <name>AccountOpportunitiesTab</name>
    <message>
      <source>New opportunity…</source>
      <translation>新建商机…</translation>
    </message>
    <message>
      <source>Opportunities</source>
      <translation>商机</translation>
    </message>
    <message>
      <source>No opportunities yet.</source>
      <translation>暂无商机。</translation>
    </message>
    <message>
      <source>%1 opportunities · open: %2, worth %3</source>
      <translation>商机 %1 个 · 进行中 %2 个，金额 %3</translation>
    </message>
  </context>
  <context>
    <name>CommissionBox</name>
    <message>
      <source>Commission rates (% of the discounted amount before tax)</source>
      <translation>提成比例（按折后不含税金额的百分比）</translation>
    </message>
    <message>
      <source>All tiers</source>
      <translation>所有级别</translation>
    </message>
    <message>
      <source>Tier %1</source>
      <translation>%1 类客户</translation>
    </message>
    <message>
      <source>Any other product</source>
      <translation>其他产品</translation>
    </message>
    <message>
      <source>Above this share of the year-to-date target</source>
      <translation>年初至今目标达成率超过</translation>
    </message>
    <message>
      <source>rates are multiplied by</source>
      <translation>提成比例乘以</translation>
    </message>
    <message>
      <source>Leave a tier empty to use the category's rate; leave the accelerator empty for none.</source>
      <translation>某级别留空则按该品类比例；超额激励留空表示不设。</translation>
    </message>
    <message>
      <source>“%1” is not a number: type a percentage such as 2.5.</source>
      <translation>“%1”不是数字：请填写百分比，如 2.5。</translation>
    </message>
  </context>
  <context>
    <name>CompetitorForm</name>
    <message>
      <source>Edit competitor</source>
      <translation>编辑竞争对手</translation>
    </message>
    <message>
      <source>New competitor</source>
      <translation>新建竞争对手</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Strengths</source>
      <translation>优势</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Give the competitor a name.</source>
      <translation>请填写竞争对手名称。</translation>
    </message>
  </context>
  <context>
    <name>CompetitorsDialog</name>
    <message>
      <source>Competitors</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>The whole team shares this list.</source>
      <translation>全团队共用此名单。</translation>
    </message>
    <message>
      <source>Add competitor…</source>
      <translation>添加竞争对手…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>CompetitorsModel</name>
    <message>
      <source>Competitor</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>Strengths</source>
      <translation>优势</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>ContractDetailDialog</name>
    <message>
      <source>Documents</source>
      <translation>合同文档</translation>
    </message>
    <message>
      <source>Undo removal</source>
      <translation>撤销删除</translation>
    </message>
    <message>
      <source>Quotes and orders</source>
      <translation>关联报价与订单</translation>
    </message>
    <message>
      <source>Contract %1</source>
      <translation>合同 %1</translation>
    </message>
    <message>
      <source>value %1</source>
      <translation>金额 %1</translation>
    </message>
    <message>
      <source>Ordered %1 of %2 (%3)</source>
      <translation>已下单 %1 / 合同金额 %2（%3）</translation>
    </message>
  </context>
  <context>
    <name>ContractDialog</name>
    <message>
      <source>New contract</source>
      <translation>新建合同</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>From quote</source>
      <translation>依据报价</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>合同名称</translation>
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
      <source>Value</source>
      <translation>合同金额</translation>
    </message>
    <message>
      <source>Payment terms</source>
      <translation>付款条件</translation>
    </message>
    <message>
      <source>Give the contract a title.</source>
      <translation>请填写合同名称。</translation>
    </message>
    <message>
      <source>The value is not a sum of money: type it like 120000.50.</source>
      <translation>金额格式不对：请按 120000.50 这样的格式填写。</translation>
    </message>
  </context>
  <context>
    <name>ContractReview</name>
    <message>
      <source>Note for the rep (required to return)</source>
      <translation>给销售的说明（退回时必填）</translation>
    </message>
    <message>
      <source>Sign</source>
      <translation>签署</translation>
    </message>
    <message>
      <source>Return to the rep</source>
      <translation>退回销售</translation>
    </message>
    <message>
      <source>Open the contract</source>
      <translation>打开合同</translation>
    </message>
    <message>
      <source>No contract waits for your review.</source>
      <translation>没有待您审核的合同。</translation>
    </message>
    <message>
      <source>%1 · %2 · %3</source>
      <translation>%1 · %2 · %3</translation>
    </message>
    <message>
      <source>&lt;b&gt;Rep:&lt;/b&gt; %1 · &lt;b&gt;Value:&lt;/b&gt; %2</source>
      <translation>&lt;b&gt;销售：&lt;/b&gt;%1 · &lt;b&gt;金额：&lt;/b&gt;%2</translation>
    </message>
    <message>
      <source>&lt;b&gt;Term:&lt;/b&gt; %1 to %2</source>
      <translation>&lt;b&gt;期限：&lt;/b&gt;%1 至 %2</translation>
    </message>
    <message>
      <source>&lt;b&gt;Payment terms:&lt;/b&gt; %1</source>
      <translation>&lt;b&gt;付款条件：&lt;/b&gt;%1</translation>
    </message>
    <message>
      <source>Submitted by %1</source>
      <translation>%1 提交</translation>
    </message>
    <message>
      <source>Signed by %1</source>
      <translation>%1 签署</translation>
    </message>
    <message>
      <source>Returned by %1</source>
      <translation>%1 退回</translation>
    </message>
    <message>
      <source>Review history</source>
      <translation>审核记录</translation>
    </message>
    <message>
      <source>someone</source>
      <translation>某人</translation>
    </message>
  </context>
  <context>
    <name>ContractsModel</name>
    <message>
      <source>Number</source>
      <translation>合同编号</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>合同名称</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
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
      <source>Days left</source>
      <translation>剩余天数</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>合同金额</translation>
    </message>
  </context>
  <context>
    <name>ContractsTab</name>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Under review</source>
      <translation>审核中</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>已签订</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>履行中</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>已到期</translation>
    </message>
    <message>
      <source>Terminated</source>
      <translation>已终止</translation>
    </message>
  </context>
  <context>
    <name>IncumbentsModel</name>
    <message>
      <source>Competitor</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>Supplies</source>
      <translation>供应的产品</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>LinkedModel</name>
    <message>
      <source>Linked</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
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
      <source>Quote</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>订单</translation>
    </message>
  </context>
  <context>
    <name>LostDialog</name>
    <message>
      <source>Mark lost</source>
      <translation>标记输单</translation>
    </message>
    <message>
      <source>Opportunity: %1</source>
      <translation>商机：%1</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>Product fit</source>
      <translation>产品不匹配</translation>
    </message>
    <message>
      <source>Relationship</source>
      <translation>客户关系</translation>
    </message>
    <message>
      <source>Delivery time</source>
      <translation>交期</translation>
    </message>
    <message>
      <source>Budget cancelled</source>
      <translation>预算取消</translation>
    </message>
    <message>
      <source>No decision</source>
      <translation>客户未决策</translation>
    </message>
    <message>
      <source>Why was it lost?</source>
      <translation>输单原因</translation>
    </message>
    <message>
      <source>Who won it?</source>
      <translation>赢单的竞争对手</translation>
    </message>
  </context>
  <context>
    <name>OpportunitiesModel</name>
    <message>
      <source>Opportunity</source>
      <translation>商机</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Probability</source>
      <translation>赢率</translation>
    </message>
    <message>
      <source>Weighted</source>
      <translation>加权金额</translation>
    </message>
    <message>
      <source>Expected close</source>
      <translation>预计成交</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Next step</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Lost to</source>
      <translation>输给</translation>
    </message>
  </context>
  <context>
    <name>OpportunityDialog</name>
    <message>
      <source>Edit opportunity</source>
      <translation>编辑商机</translation>
    </message>
    <message>
      <source>New opportunity</source>
      <translation>新建商机</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Stage</source>
      <translation>阶段</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Probability</source>
      <translation>赢率</translation>
    </message>
    <message>
      <source>not set</source>
      <translation>未设置</translation>
    </message>
    <message>
      <source>Expected close</source>
      <translation>预计成交</translation>
    </message>
    <message>
      <source>Existing customer</source>
      <translation>老客户</translation>
    </message>
    <message>
      <source>Referral</source>
      <translation>转介绍</translation>
    </message>
    <message>
      <source>Tender</source>
      <translation>招标</translation>
    </message>
    <message>
      <source>Trade show</source>
      <translation>展会</translation>
    </message>
    <message>
      <source>Inbound enquiry</source>
      <translation>客户来询</translation>
    </message>
    <message>
      <source>Partner</source>
      <translation>合作伙伴</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Names, separated by commas</source>
      <translation>名称，用逗号分隔</translation>
    </message>
    <message>
      <source>Competitors</source>
      <translation>竞争对手</translation>
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
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Choose the account from the list.</source>
      <translation>请从列表中选择客户。</translation>
    </message>
    <message>
      <source>Give the opportunity a name.</source>
      <translation>请填写商机名称。</translation>
    </message>
    <message>
      <source>The amount is not a sum of money: type it like 120000.50.</source>
      <translation>金额格式不对：请按 120000.50 这样的格式填写。</translation>
    </message>
  </context>
  <context>
    <name>PendingContractsModel</name>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>销售</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Ends</source>
      <translation>到期</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>提交时间</translation>
    </message>
  </context>
  <context>
    <name>PipelineBoard</name>
    <message>
      <source>Lost to %1</source>
      <translation>输给 %1</translation>
    </message>
    <message>
      <source>%1 more: the List view shows every one</source>
      <translation>另有 %1 个商机：列表视图可看全部</translation>
    </message>
    <message>
      <source>weighted %1</source>
      <translation>加权 %1</translation>
    </message>
  </context>
  <context>
    <name>PipelinePage</name>
    <message>
      <source>Pipeline</source>
      <translation>商机</translation>
    </message>
    <message>
      <source>My opportunities</source>
      <translation>我的商机</translation>
    </message>
    <message>
      <source>All I can see</source>
      <translation>我可见的全部</translation>
    </message>
    <message>
      <source>Board</source>
      <translation>看板</translation>
    </message>
    <message>
      <source>List</source>
      <translation>列表</translation>
    </message>
    <message>
      <source>Competitors…</source>
      <translation>竞争对手…</translation>
    </message>
    <message>
      <source>New opportunity…</source>
      <translation>新建商机…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Mark lost…</source>
      <translation>标记输单…</translation>
    </message>
    <message>
      <source>%1 open opportunities, %2, weighted %3</source>
      <translation>进行中商机 %1 个，金额 %2，加权 %3</translation>
    </message>
    <message>
      <source>Choose an opportunity first.</source>
      <translation>请先选择一个商机。</translation>
    </message>
  </context>
  <context>
    <name>Renewal</name>
    <message>
      <source>Renewal of %1</source>
      <translation>续签 %1</translation>
    </message>
    <message>
      <source>Renewal</source>
      <translation>续签</translation>
    </message>
  </context>
  <context>
    <name>StagesBox</name>
    <message>
      <source>Opportunity stages: default probability</source>
      <translation>商机阶段：默认赢率</translation>
    </message>
    <message>
      <source>from %1% to %2%</source>
      <translation>%1% 至 %2%</translation>
    </message>
  </context>
</TS>