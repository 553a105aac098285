<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ActionDialog</name>
    <message>
      <source>New action</source>
      <translation>新行动</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>行动</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Assigned to</source>
      <translation>负责人</translation>
    </message>
  </context>
  <context>
    <name>ObjectiveDialog</name>
    <message>
      <source>Plan objective</source>
      <translation>计划目标</translation>
    </message>
    <message>
      <source>New objective</source>
      <translation>新目标</translation>
    </message>
    <message>
      <source>e.g. 2000000 or 3</source>
      <translation>例如 2000000 或 3</translation>
    </message>
    <message>
      <source>¥ (money)</source>
      <translation>¥（金额）</translation>
    </message>
    <message>
      <source>sites</source>
      <translation>个站点</translation>
    </message>
    <message>
      <source>products</source>
      <translation>个产品</translation>
    </message>
    <message>
      <source>Objective</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标值</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>The target is not a number.</source>
      <translation>目标值不是数字。</translation>
    </message>
  </context>
  <context>
    <name>PlanTab</name>
    <message>
      <source>Buys from us</source>
      <translation>向我们采购</translation>
    </message>
    <message>
      <source>Bought last year only</source>
      <translation>仅去年采购</translation>
    </message>
    <message>
      <source>Whitespace: buys from a competitor</source>
      <translation>空白：向竞争对手采购</translation>
    </message>
    <message>
      <source>Whitespace: never bought</source>
      <translation>空白：从未采购</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年度</translation>
    </message>
    <message>
      <source>Objective</source>
      <translation>目标</translation>
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
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>行动</translation>
    </message>
    <message>
      <source>Assigned to</source>
      <translation>负责人</translation>
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
      <source>Add objective</source>
      <translation>添加目标</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Mark achieved</source>
      <translation>标记为已达成</translation>
    </message>
    <message>
      <source>Add action</source>
      <translation>添加行动</translation>
    </message>
    <message>
      <source>A follow-up with a due date and an assignee: it shows on the task list</source>
      <translation>带截止日期和负责人的跟进事项：会出现在任务列表中</translation>
    </message>
    <message>
      <source>Actions of the selected objective (follow-ups)</source>
      <translation>所选目标的行动（跟进事项）</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>品类</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>今年</translation>
    </message>
    <message>
      <source>Last year</source>
      <translation>去年</translation>
    </message>
    <message>
      <source>Competitors</source>
      <translation>竞争对手</translation>
    </message>
    <message>
      <source>What it is</source>
      <translation>情况</translation>
    </message>
    <message>
      <source>(no product lines)</source>
      <translation>（无产品明细）</translation>
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
      <source>Summary</source>
      <translation>总结</translation>
    </message>
    <message>
      <source>Save SWOT</source>
      <translation>保存 SWOT</translation>
    </message>
    <message>
      <source>Objectives</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>Whitespace</source>
      <translation>空白市场</translation>
    </message>
    <message>
      <source>SWOT</source>
      <translation>SWOT</translation>
    </message>
    <message>
      <source>Account team</source>
      <translation>客户团队</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>计划</translation>
    </message>
    <message>
      <source>Your unsaved SWOT text is kept: save it or change it.</source>
      <translation>未保存的 SWOT 内容已保留：请保存或修改。</translation>
    </message>
    <message>
      <source>nobody (public pool)</source>
      <translation>无（公海）</translation>
    </message>
    <message>
      <source>Only the owner, the account team and the owner's manager change this plan.</source>
      <translation>只有负责人、客户团队和负责人的经理可以修改此计划。</translation>
    </message>
    <message>
      <source>Target %1 · won %2 · attainment %3 · orders this year %4</source>
      <translation>目标 %1 · 已赢得 %2 · 达成率 %3 · 今年订单 %4</translation>
    </message>
    <message>
      <source>none set</source>
      <translation>未设定</translation>
    </message>
    <message>
      <source>potential %1 (share of wallet %2)</source>
      <translation>潜力 %1（钱包份额 %2）</translation>
    </message>
    <message>
      <source>Discard the SWOT text?</source>
      <translation>放弃 SWOT 内容？</translation>
    </message>
    <message>
      <source>What you typed in the SWOT has not been saved. Discard it?</source>
      <translation>SWOT 中输入的内容尚未保存。要放弃吗？</translation>
    </message>
    <message>
      <source>Choose an objective first.</source>
      <translation>请先选择一个目标。</translation>
    </message>
    <message>
      <source>SWOT saved.</source>
      <translation>SWOT 已保存。</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>进行中</translation>
    </message>
    <message>
      <source>Achieved</source>
      <translation>已达成</translation>
    </message>
    <message>
      <source>Dropped</source>
      <translation>已放弃</translation>
    </message>
  </context>
  <context>
    <name>PlanTeam</name>
    <message>
      <source>Member</source>
      <translation>成员</translation>
    </message>
    <message>
      <source>Technical support</source>
      <translation>技术支持</translation>
    </message>
    <message>
      <source>Customer service</source>
      <translation>客户服务</translation>
    </message>
    <message>
      <source>Executive sponsor</source>
      <translation>高层支持</translation>
    </message>
  </context>
  <context>
    <name>TeamBox</name>
    <message>
      <source>Member</source>
      <translation>成员</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Add to the team</source>
      <translation>加入团队</translation>
    </message>
    <message>
      <source>Set role</source>
      <translation>设置角色</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Owner: %1</source>
      <translation>负责人：%1</translation>
    </message>
    <message>
      <source>The account's owner and their manager change the account team.</source>
      <translation>客户负责人及其经理可以修改客户团队。</translation>
    </message>
  </context>
</TS>