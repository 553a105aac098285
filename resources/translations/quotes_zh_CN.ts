<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ApprovalPanel</name>
    <message>
      <source>Approve…</source>
      <translation>批准…</translation>
    </message>
    <message>
      <source>Return…</source>
      <translation>退回…</translation>
    </message>
    <message>
      <source>Submitted by %1</source>
      <translation>%1 提交审批</translation>
    </message>
    <message>
      <source>Approved by %1</source>
      <translation>%1 批准</translation>
    </message>
    <message>
      <source>Returned by %1</source>
      <translation>%1 退回</translation>
    </message>
    <message>
      <source>Approval history</source>
      <translation>审批记录</translation>
    </message>
    <message>
      <source>someone</source>
      <translation>某人</translation>
    </message>
    <message>
      <source>Submitted by %1 to %2</source>
      <translation>%1 提交给 %2 审批</translation>
    </message>
    <message>
      <source>an administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Waiting for %1</source>
      <translation>等待 %1 审批</translation>
    </message>
  </context>
  <context>
    <name>ApprovalsPage</name>
    <message>
      <source>Open the quote</source>
      <translation>打开报价单</translation>
    </message>
    <message>
      <source>Quotes</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Contracts (%1)</source>
      <translation>合同（%1）</translation>
    </message>
    <message>
      <source>Approvals</source>
      <translation>审批</translation>
    </message>
    <message>
      <source>Quotes (%1)</source>
      <translation>报价（%1）</translation>
    </message>
    <message>
      <source>Nothing waits for your approval.</source>
      <translation>没有等待您审批的报价。</translation>
    </message>
    <message>
      <source>Quotes you submit for approval go to your manager; nothing waits for you here.</source>
      <translation>您提交审批的报价会交给您的经理；这里没有等待您审批的报价。</translation>
    </message>
    <message>
      <source>%1 rev. %2 · %3</source>
      <translation>%1 版本 %2 · %3</translation>
    </message>
    <message>
      <source>&lt;b&gt;Rep:&lt;/b&gt; %1 · &lt;b&gt;Total:&lt;/b&gt; %2</source>
      <translation>&lt;b&gt;报价人：&lt;/b&gt;%1 · &lt;b&gt;合计：&lt;/b&gt;%2</translation>
    </message>
    <message>
      <source>&lt;b&gt;Why:&lt;/b&gt; %1</source>
      <translation>&lt;b&gt;申请理由：&lt;/b&gt;%1</translation>
    </message>
    <message>
      <source>&lt;b&gt;Margin:&lt;/b&gt; %1 below list price (%2%), net %3</source>
      <translation>&lt;b&gt;让利：&lt;/b&gt;低于目录价 %1（%2%），不含税净额 %3</translation>
    </message>
    <message>
      <source>&lt;b&gt;Account:&lt;/b&gt; %1 won, %2 lost; %3 orders for %4 in the last 12 months; last visit %5</source>
      <translation>&lt;b&gt;客户：&lt;/b&gt;成交 %1 次，失单 %2 次；近 12 个月订单 %3 笔，共 %4；最近拜访 %5</translation>
    </message>
    <message>
      <source>Needs approval:</source>
      <translation>需审批原因：</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
  </context>
  <context>
    <name>CatalogView</name>
    <message>
      <source>Search products…</source>
      <translation>搜索产品…</translation>
    </message>
    <message>
      <source>SKU</source>
      <translation>产品编码</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
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
      <source>Tax %</source>
      <translation>税率%</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Max. discount %</source>
      <translation>最高折扣%</translation>
    </message>
    <message>
      <source>Floor price</source>
      <translation>底价</translation>
    </message>
    <message>
      <source>Save product</source>
      <translation>保存产品</translation>
    </message>
    <message>
      <source>New product</source>
      <translation>新建产品</translation>
    </message>
    <message>
      <source>Set price on this list</source>
      <translation>设为此价格表价格</translation>
    </message>
    <message>
      <source>Price list</source>
      <translation>价格表</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>(list prices only)</source>
      <translation>（仅目录价）</translation>
    </message>
    <message>
      <source>Choose a price list and a product first</source>
      <translation>请先选择价格表和产品</translation>
    </message>
  </context>
  <context>
    <name>DecisionDialog</name>
    <message>
      <source>Approve quote</source>
      <translation>批准报价</translation>
    </message>
    <message>
      <source>Return quote</source>
      <translation>退回报价</translation>
    </message>
    <message>
      <source>Approve %1 for %2? The rep can then send it to the customer.</source>
      <translation>批准报价 %1（%2）？批准后销售代表即可将其发给客户。</translation>
    </message>
    <message>
      <source>Return %1 (%2) to the rep? Tell them what to change.</source>
      <translation>将报价 %1（%2）退回给销售代表？请说明需要修改什么。</translation>
    </message>
    <message>
      <source>Note for the rep (optional)</source>
      <translation>给销售代表的意见（可选）</translation>
    </message>
    <message>
      <source>What should change (required)</source>
      <translation>需要修改的内容（必填）</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>批准</translation>
    </message>
    <message>
      <source>Return to the rep</source>
      <translation>退回给销售代表</translation>
    </message>
  </context>
  <context>
    <name>LinesModel</name>
    <message>
      <source>#</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>产品/服务</translation>
    </message>
    <message>
      <source>Qty</source>
      <translation>数量</translation>
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
      <source>Disc. %</source>
      <translation>折扣%</translation>
    </message>
    <message>
      <source>Tax %</source>
      <translation>税率%</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额(不含税)</translation>
    </message>
    <message>
      <source>A line needs a description.</source>
      <translation>每行都需要描述。</translation>
    </message>
    <message>
      <source>%1 cannot be negative.</source>
      <translation>%1 不能为负数。</translation>
    </message>
    <message>
      <source>A discount is from 0 to 100 %.</source>
      <translation>折扣须在 0 到 100% 之间。</translation>
    </message>
    <message>
      <source>A tax rate is below 100 %.</source>
      <translation>税率须低于 100%。</translation>
    </message>
    <message>
      <source>“%1” is not a number.</source>
      <translation>“%1”不是数字。</translation>
    </message>
  </context>
  <context>
    <name>OrderContractPicker</name>
    <message>
      <source>(no contract)</source>
      <translation>（无合同）</translation>
    </message>
  </context>
  <context>
    <name>OrdersModel</name>
    <message>
      <source>Order</source>
      <translation>订单号</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>下单日期</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>已回款</translation>
    </message>
    <message>
      <source>Outstanding</source>
      <translation>未回款</translation>
    </message>
    <message>
      <source>Delivery</source>
      <translation>交付</translation>
    </message>
    <message>
      <source>Payment due</source>
      <translation>回款到期</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>待交付</translation>
    </message>
    <message>
      <source>Partly delivered</source>
      <translation>部分交付</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>已交付</translation>
    </message>
  </context>
  <context>
    <name>OrdersView</name>
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
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Record payment</source>
      <translation>登记回款</translation>
    </message>
    <message>
      <source>Final delivery</source>
      <translation>最后一批</translation>
    </message>
    <message>
      <source>Record delivery</source>
      <translation>登记交付</translation>
    </message>
    <message>
      <source>Payment received</source>
      <translation>收到回款</translation>
    </message>
    <message>
      <source>Delivery</source>
      <translation>交付</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Outstanding {outstanding} · overdue {overdue} on {count} orders</source>
      <translation>未回款 {outstanding} · 逾期 {overdue}（{count} 个订单）</translation>
    </message>
    <message>
      <source>Expected delivery {date}</source>
      <translation>预计交付 {date}</translation>
    </message>
    <message>
      <source>Received {paid}, outstanding {outstanding}</source>
      <translation>已回款 {paid}，未回款 {outstanding}</translation>
    </message>
    <message>
      <source>Overdue since {date}</source>
      <translation>自 {date} 起逾期</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>回款记录</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>暂无</translation>
    </message>
    <message>
      <source>Deliveries</source>
      <translation>交付记录</translation>
    </message>
  </context>
  <context>
    <name>PendingModel</name>
    <message>
      <source>Number</source>
      <translation>报价单号</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Rep</source>
      <translation>报价人</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Below list</source>
      <translation>低于目录价</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>提交时间</translation>
    </message>
  </context>
  <context>
    <name>ProductsModel</name>
    <message>
      <source>SKU</source>
      <translation>产品编码</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
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
      <source>Tax %</source>
      <translation>税率%</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Max. discount %</source>
      <translation>最高折扣%</translation>
    </message>
    <message>
      <source>Floor price</source>
      <translation>底价</translation>
    </message>
    <message>
      <source>Price on list</source>
      <translation>价格表价</translation>
    </message>
  </context>
  <context>
    <name>QuoteEditor</name>
    <message>
      <source>e.g. 西门子, ABB</source>
      <translation>如：西门子, ABB</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>新建…</translation>
    </message>
    <message>
      <source>An opportunity filled in from this quote</source>
      <translation>按此报价新建商机（自动填入客户、联系人和金额）</translation>
    </message>
    <message>
      <source>Opportunity</source>
      <translation>商机</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Quote discount %</source>
      <translation>整单折扣%</translation>
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
      <source>Competitors</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>Find a product by SKU, name or category…</source>
      <translation>按编码、名称或类别查找产品…</translation>
    </message>
    <message>
      <source>Add line</source>
      <translation>添加行</translation>
    </message>
    <message>
      <source>Remove line</source>
      <translation>删除行</translation>
    </message>
    <message>
      <source>Why the customer needs these terms</source>
      <translation>说明客户为何需要这些条件</translation>
    </message>
    <message>
      <source>Why the customer declined (optional)</source>
      <translation>客户拒绝的原因（可选）</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Request approval</source>
      <translation>提交审批</translation>
    </message>
    <message>
      <source>Mark as sent</source>
      <translation>标记为已发送</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>客户已接受</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>客户已拒绝</translation>
    </message>
    <message>
      <source>Revise</source>
      <translation>修订</translation>
    </message>
    <message>
      <source>PDF…</source>
      <translation>导出PDF…</translation>
    </message>
    <message>
      <source>Justification</source>
      <translation>申请理由</translation>
    </message>
    <message>
      <source>Decision note</source>
      <translation>审批意见</translation>
    </message>
    <message>
      <source>{number} rev. {revision} · {status}</source>
      <translation>{number} 版本 {revision} · {status}</translation>
    </message>
    <message>
      <source>Revisions: {list}</source>
      <translation>历次版本：{list}</translation>
    </message>
    <message>
      <source>(an earlier revision: read-only)</source>
      <translation>（早期版本：只读）</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Manager's note: {note}</source>
      <translation>经理意见：{note}</translation>
    </message>
    <message>
      <source>Your commission: {amount}</source>
      <translation>您的提成：{amount}</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>A line's amount is too large to price: correct its quantity or price.</source>
      <translation>某一行的金额过大，无法计价：请更正其数量或单价。</translation>
    </message>
    <message>
      <source>Subtotal</source>
      <translation>小计</translation>
    </message>
    <message>
      <source>Quote discount</source>
      <translation>整单折扣</translation>
    </message>
    <message>
      <source>Tax {rate}%</source>
      <translation>税额 {rate}%</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>价税合计</translation>
    </message>
    <message>
      <source>In words: {capital}</source>
      <translation>大写：{capital}</translation>
    </message>
    <message>
      <source>Needs a manager's approval:</source>
      <translation>需经理审批：</translation>
    </message>
    <message>
      <source>Waiting for the manager's approval:</source>
      <translation>等待经理审批：</translation>
    </message>
    <message>
      <source>Approved beyond the guardrails:</source>
      <translation>已获批准（超出标准的条件）：</translation>
    </message>
    <message>
      <source>discount must be between 0 and 100</source>
      <translation>折扣须在0到100之间</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存 {path}</translation>
    </message>
  </context>
  <context>
    <name>QuoteLabels</name>
    <message>
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Pending approval</source>
      <translation>待审批</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>已退回</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>已接受</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>已拒绝</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>已过期</translation>
    </message>
    <message>
      <source>Line {line} ({label}): </source>
      <translation>第{line}行（{label}）：</translation>
    </message>
    <message>
      <source>quote discount {actual}% exceeds the {limit}% allowed for tier {tier}</source>
      <translation>整单折扣 {actual}% 超过{tier}类客户允许的 {limit}%</translation>
    </message>
    <message>
      <source>discount {actual}% exceeds the {limit}% allowed for tier {tier}</source>
      <translation>折扣 {actual}% 超过{tier}类客户允许的 {limit}%</translation>
    </message>
    <message>
      <source>discount {actual}% exceeds this product's maximum of {limit}%</source>
      <translation>折扣 {actual}% 超过该产品的最高折扣 {limit}%</translation>
    </message>
    <message>
      <source>net unit price {actual} is below the floor price {limit}</source>
      <translation>折后单价 {actual} 低于底价 {limit}</translation>
    </message>
  </context>
  <context>
    <name>QuoteListModel</name>
    <message>
      <source>Number</source>
      <translation>报价单号</translation>
    </message>
    <message>
      <source>Rev.</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>价税合计</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Beyond the guardrails: needs a manager's approval</source>
      <translation>超出折扣/底价限制：需经理审批</translation>
    </message>
  </context>
  <context>
    <name>QuotePdf</name>
    <message>
      <source>Seller details not set</source>
      <translation>尚未设置供方信息</translation>
    </message>
    <message>
      <source>Your company's details (name, address, tax id, bank, account number, invoice type) are not set yet, so the quote has no letterhead and an empty supplier block. An administrator sets them once in Settings → Seller.</source>
      <translation>尚未设置本公司信息（名称、地址、税号、开户行、账号、发票类型），报价单将没有抬头，供方栏为空。请管理员在“设置 → 供方信息”中设置一次。</translation>
    </message>
    <message>
      <source>Open settings</source>
      <translation>打开设置</translation>
    </message>
    <message>
      <source>Export anyway</source>
      <translation>仍然导出</translation>
    </message>
    <message>
      <source>PDF in Chinese (*.pdf)</source>
      <translation>中文 PDF (*.pdf)</translation>
    </message>
    <message>
      <source>PDF in English (*.pdf)</source>
      <translation>英文 PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Save quote as PDF</source>
      <translation>将报价单保存为 PDF</translation>
    </message>
  </context>
  <context>
    <name>QuotesPage</name>
    <message>
      <source>Search number or customer…</source>
      <translation>搜索报价单号或客户…</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>New quote…</source>
      <translation>新建报价…</translation>
    </message>
    <message>
      <source>Quotes</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Orders and receivables</source>
      <translation>订单与回款</translation>
    </message>
    <message>
      <source>Products and price lists</source>
      <translation>产品与价格表</translation>
    </message>
    <message>
      <source>No quote is open. Choose one in the list, or start a new one.</source>
      <translation>未打开报价。请在列表中选择一份，或新建报价。</translation>
    </message>
    <message>
      <source>New quote</source>
      <translation>新建报价</translation>
    </message>
  </context>
</TS>