<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ComplaintsPage</name>
    <message>
      <source>Complaints</source>
      <translation>投诉</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
  </context>
  <context>
    <name>TargetsPage</name>
    <message>
      <source>Targets</source>
      <translation>目标</translation>
    </message>
  </context>
</TS>