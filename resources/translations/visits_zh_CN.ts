<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>TodayPage</name>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
  </context>
  <context>
    <name>VisitsPage</name>
    <message>
      <source>Visits</source>
      <translation>拜访</translation>
    </message>
  </context>
</TS>