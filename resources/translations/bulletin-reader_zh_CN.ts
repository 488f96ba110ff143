<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoverageTable</name>
    <message>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>报刊</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>the export was cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县区</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>报刊</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>报道统计</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>专项</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>建议专项</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>版次</translation>
    </message>
    <message>
        <source>Page file</source>
        <translation>版面文件</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>标注原文</translation>
    </message>
    <message>
        <source>After</source>
        <translation>后文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>End</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Orphaned highlight (its text is gone): “%1”
%2</source>
        <translation>失去原文的标注（原文已不在）：“%1”
%2</translation>
    </message>
</context>
<context>
    <name>FileLocks</name>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>process %1 (%2)</source>
        <translation>进程 %1（%2）</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <source>server process %1</source>
        <translation>服务器进程 %1</translation>
    </message>
    <message>
        <source>another connection</source>
        <translation>另一个连接</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>is a folder that cannot be read: %1</source>
        <translation>是无法读取的文件夹：%1</translation>
    </message>
    <message>
        <source>is a link to nothing</source>
        <translation>是指向不存在目标的链接</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>is %1, not a page file</source>
        <translation>是%1，不是版面文件</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
</context>
<context>
    <name>LocalFile</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a FIFO (named pipe)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>is %1, not a page file</source>
        <translation>是%1，不是版面文件</translation>
    </message>
    <message>
        <source>is too large (%1; at most %2)</source>
        <translation>太大（%1；最多 %2）</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
</context>
<context>
    <name>PageReader</name>
    <message>
        <source>is a file of the open library, never read as a page</source>
        <translation>是当前文库自己的文件，不会当作版面读取</translation>
    </message>
</context>
<context>
    <name>TextDecoder</name>
    <message>
        <source>byte %1 (0x%2)</source>
        <translation>第 %1 字节（0x%2）</translation>
    </message>
    <message>
        <source>mixes encodings: the line at %1 is UTF-8 but the line at %2 is not (first bad sequence at %3)</source>
        <translation>混用了多种编码：%1 处的行是 UTF-8，%2 处的行却不是（第一个错误序列在 %3）</translation>
    </message>
    <message>
        <source>contains NUL characters (at character %1): not a text page</source>
        <translation>含有 NUL 字符（第 %1 个字符）：不是文本版面</translation>
    </message>
    <message>
        <source>contains %1 control characters: a binary file, not a text page</source>
        <translation>含有 %1 个控制字符：是二进制文件，不是文本版面</translation>
    </message>
    <message>
        <source>contains only white space: nothing to import</source>
        <translation>只有空白：没有可导入的内容</translation>
    </message>
    <message>
        <source>is an HTML document, not a plain-text page</source>
        <translation>是 HTML 文档，不是纯文本版面</translation>
    </message>
    <message>
        <source>is empty: nothing to import</source>
        <translation>是空文件：没有可导入的内容</translation>
    </message>
    <message>
        <source>is a binary file (%1), not a text page</source>
        <translation>是二进制文件（%1），不是文本版面</translation>
    </message>
    <message>
        <source>starts with a %1 byte-order mark but does not decode as %1 at %2</source>
        <translation>以 %1 字节顺序标记开头，但在 %2 处无法按 %1 解码</translation>
    </message>
    <message>
        <source>contains NUL bytes (first at %1) and is not UTF-16 or UTF-32 text: a binary file, not a text page</source>
        <translation>含有 NUL 字节（第一个在 %1），也不是 UTF-16 或 UTF-32 文本：是二进制文件，不是文本版面</translation>
    </message>
    <message>
        <source>is UTF-8 text cut off inside its last character (at %1 of %2 bytes): the file looks incomplete</source>
        <translation>是在最后一个字符中间截断的 UTF-8 文本（%1，共 %2 字节）：文件似乎不完整</translation>
    </message>
    <message>
        <source>is not valid UTF-8 (first bad sequence at %1) and does not decode cleanly as GB18030 or Big5 either%2: unknown or mixed encoding</source>
        <translation>不是有效的 UTF-8（第一个错误序列在 %1），按 GB18030 或 Big5 也无法完整解码%2：编码未知或混用</translation>
    </message>
</context>
<context>
    <name>br::OutputFile</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>it is a file of the open library, which an export never replaces</source>
        <translation>它是当前文库自己的文件，导出绝不会覆盖它</translation>
    </message>
    <message>
        <source>it is %1, not a regular file</source>
        <translation>它是%1，不是普通文件</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>写入失败</translation>
    </message>
</context>
<context>
    <name>br::ui::AgreementDialog</name>
    <message numerus="yes">
        <source>Coders: %1. %n article(s) coded by both.</source>
        <translation>
            <numerusform>编码人：%1。两人都编码的文章 %n 篇。</numerusform>
        </translation>
    </message>
    <message>
        <source>No article they disagree on for %1.</source>
        <translation>%1 上没有判断不一致的文章。</translation>
    </message>
    <message>
        <source>Coder Agreement</source>
        <translation>编码一致性</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Judgments</source>
        <translation>判断</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>The codings cannot be read: %1</source>
        <translation>无法读取编码：%1</translation>
    </message>
    <message>
        <source>No article has been coded by two people yet. Agreement is measured over the articles two or more people coded: each person tags them, or marks them coded (C) when the tags shown are their judgment.</source>
        <translation>还没有文章由两人编码。一致性按两人或以上都编码过的文章计算：每人给文章打标签，或在现有标签就是自己的判断时标记为已编码（C）。</translation>
    </message>
    <message numerus="yes">
        <source>Coders: %1. %n article(s) coded by two or more of them.</source>
        <translation>
            <numerusform>编码人：%1。%n 篇文章由两人或以上编码。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) they disagree on for %1 (Enter or double-click opens one):</source>
        <translation>
            <numerusform>%1 上判断不一致的文章 %n 篇（回车或双击打开）：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: yes</source>
        <translation>%1：是</translation>
    </message>
    <message>
        <source>%1: no</source>
        <translation>%1：否</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>br::ui::AgreementModel</name>
    <message numerus="yes">
        <source>%1 and %2: κ %3 over %n article(s)</source>
        <translation>
            <numerusform>%1 与 %2：κ %3（%n 篇）</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>专项</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen κ</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff α</translation>
    </message>
    <message>
        <source>Both tagged</source>
        <translation>都标了</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <source>Only the first</source>
        <translation>仅第一位</translation>
    </message>
    <message>
        <source>Only the second</source>
        <translation>仅第二位</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>都未标</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Articles coded by two or more of the coders</source>
        <translation>两位或以上编码人都编码过的文章</translation>
    </message>
    <message>
        <source>1 is full agreement, 0 what chance would give; — when chance alone explains every judgment</source>
        <translation>1 为完全一致，0 为随机水平；随机即可解释全部判断时显示 —</translation>
    </message>
    <message>
        <source>Articles on which the coders did not all judge alike</source>
        <translation>编码人判断不一致的文章</translation>
    </message>
</context>
<context>
    <name>br::ui::AnnotationListModel</name>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>“%1” — %2</source>
        <translation>“%1”——%2</translation>
    </message>
    <message>
        <source>[check] %1</source>
        <translation>【待核对】%1</translation>
    </message>
    <message>
        <source>[orphaned] %1</source>
        <translation>【失去原文】%1</translation>
    </message>
</context>
<context>
    <name>br::ui::AnnotationReviewModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Check: text changed</source>
        <translation>待核对：原文有改动</translation>
    </message>
    <message>
        <source>Orphaned: not found</source>
        <translation>失去原文：未找到</translation>
    </message>
    <message>
        <source>(passage gone)</source>
        <translation>（原文已不在）</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Highlighted</source>
        <translation>标注的原文</translation>
    </message>
    <message>
        <source>Now reads</source>
        <translation>现在的文字</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>br::ui::AnnotationReviewPanel</name>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Accept Match</source>
        <translation>确认匹配(&amp;A)</translation>
    </message>
    <message>
        <source>Keep the highlight on the text it was found on.</source>
        <translation>把标注留在找到的这段文字上。</translation>
    </message>
    <message>
        <source>A&amp;ttach to Selection</source>
        <translation>附到所选文字(&amp;T)</translation>
    </message>
    <message>
        <source>Select the passage in the article first.</source>
        <translation>请先在文章中选中文字。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Every highlight stands on its text.</source>
        <translation>所有标注都对得上原文。</translation>
    </message>
    <message>
        <source>To review: %1</source>
        <translation>待复核：%1 处</translation>
    </message>
</context>
<context>
    <name>br::ui::ArticleListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · 第%2篇</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>专项</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
</context>
<context>
    <name>br::ui::CoverageCharts</name>
    <message>
        <source>Others (%1)</source>
        <translation>其他（%1）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（建议）</translation>
    </message>
</context>
<context>
    <name>br::ui::CoverageModel</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1（+%2）</translation>
    </message>
    <message>
        <source>Articles without one</source>
        <translation>没有此项的文章</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) in all; click to list them</source>
        <translation>
            <numerusform>共 %n 篇；单击列出</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tagged, %2 suggested and not yet confirmed; click to list them</source>
        <translation>已标 %1 篇，建议未确认 %2 篇；单击列出</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>br::ui::CoveragePanel</name>
    <message>
        <source>Count suggestions</source>
        <translation>计入建议</translation>
    </message>
    <message>
        <source>Count articles the analysis suggests for a campaign as if they were tagged</source>
        <translation>把系统建议的专项当作已标专项计入</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>行(&amp;R)：</translation>
    </message>
    <message>
        <source>C&amp;ampaign:</source>
        <translation>专项(&amp;A)：</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Save Chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>PDF Report…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <source>Click a cell to list its articles</source>
        <translation>单击单元格列出其文章</translation>
    </message>
    <message>
        <source>By rows</source>
        <translation>按行</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部专项</translation>
    </message>
    <message>
        <source>Articles by %1</source>
        <translation>按%1统计文章</translation>
    </message>
    <message>
        <source>Articles by month</source>
        <translation>按月份统计文章</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>报道统计</translation>
    </message>
    <message>
        <source>Export Coverage Table</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <source>coverage.xlsx</source>
        <translation>报道统计.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>coverage-chart.png</source>
        <translation>报道统计图.png</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>PDF Report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <source>coverage-report.pdf</source>
        <translation>报道统计报告.pdf</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>the chart could not be drawn as PNG</source>
        <translation>无法把图表绘制为 PNG</translation>
    </message>
</context>
<context>
    <name>br::ui::FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>br::ui::HeadlineDialog</name>
    <message>
        <source>Edit Headline</source>
        <translation>编辑标题</translation>
    </message>
    <message>
        <source>&amp;Kicker:</source>
        <translation>引题(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Subtitle:</source>
        <translation>副题(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Byline:</source>
        <translation>署名(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>br::ui::InspectorPanel</name>
    <message>
        <source>Corrected %1</source>
        <translation>%1 修正</translation>
    </message>
    <message>
        <source>Corrected by %1, %2</source>
        <translation>%1 修正，%2</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Split corrected:</source>
        <translation>手工修正切分：</translation>
    </message>
    <message>
        <source>Mark as Coded</source>
        <translation>标记为已编码</translation>
    </message>
    <message>
        <source>Record the tags as they stand as your coding of this article, for coder agreement (C)</source>
        <translation>把现有标签记为您对本文的编码，用于编码一致性（C）</translation>
    </message>
    <message>
        <source>Coded by nobody yet</source>
        <translation>尚无人编码</translation>
    </message>
    <message>
        <source>Coded by %1</source>
        <translation>编码人：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>专项</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Highlights and notes</source>
        <translation>标注与批注</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Publication:</source>
        <translation>报刊：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Page number:</source>
        <translation>版次：</translation>
    </message>
    <message>
        <source>Suggested %1, accepted: %2</source>
        <translation>建议 %1，已采纳：%2</translation>
    </message>
    <message>
        <source>Suggested %1: %2</source>
        <translation>建议 %1：%2</translation>
    </message>
    <message>
        <source>&amp;%1  %2</source>
        <translation>&amp;%1  %2</translation>
    </message>
    <message>
        <source>Places:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>none named</source>
        <translation>未提及</translation>
    </message>
    <message>
        <source>Where and who</source>
        <translation>地点与单位</translation>
    </message>
    <message>
        <source>The county coverage counts this article under</source>
        <translation>统计时此文章所属的县区</translation>
    </message>
    <message>
        <source>The unit the article is about (Enter saves)</source>
        <translation>文章所报道的单位（回车保存）</translation>
    </message>
    <message>
        <source>As found</source>
        <translation>恢复识别结果</translation>
    </message>
    <message>
        <source>Give the analysis&apos; unit back</source>
        <translation>恢复系统识别的单位</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Count this unit&apos;s name as another unit&apos;s from now on</source>
        <translation>今后把此单位名称计为另一单位</translation>
    </message>
    <message>
        <source>County:</source>
        <translation>县区：</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>As found: %1</source>
        <translation>识别结果：%1</translation>
    </message>
    <message>
        <source>As found: the city&apos;s, no county</source>
        <translation>识别结果：市级，无县区</translation>
    </message>
    <message>
        <source>The city&apos;s, no county</source>
        <translation>市级，无县区</translation>
    </message>
    <message>
        <source>none found; type one</source>
        <translation>未识别到，可输入</translation>
    </message>
    <message>
        <source>suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>导入：</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，由 %2</translation>
    </message>
    <message>
        <source>Suggestion accepted %1</source>
        <translation>%1 采纳建议</translation>
    </message>
    <message>
        <source>Tagged %1</source>
        <translation>%1 标注</translation>
    </message>
    <message>
        <source>Suggestion accepted by %1, %2</source>
        <translation>%1 于 %2 采纳建议</translation>
    </message>
    <message>
        <source>Tagged by %1, %2</source>
        <translation>%1 于 %2 标注</translation>
    </message>
    <message>
        <source>on the page</source>
        <translation>取自版面</translation>
    </message>
    <message>
        <source>from the file name</source>
        <translation>取自文件名</translation>
    </message>
    <message>
        <source>from the folder</source>
        <translation>取自文件夹名</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>手工设定</translation>
    </message>
</context>
<context>
    <name>br::ui::MainWindow</name>
    <message>
        <source>Export to %1 cancelled; nothing was written.</source>
        <translation>已取消导出到 %1，未写入任何内容。</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>An export to %1 is still running.</source>
        <translation>导出到 %1 的任务仍在进行。</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Nothing can be imported: this library is open for reading only.</source>
        <translation>无法导入：此文库以只读方式打开。</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Up</source>
        <translation>Ctrl+Shift+Up</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Down</source>
        <translation>Ctrl+Shift+Down</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Waiting: another program is writing to the library. Cancel stops the import; the pages imported so far stay.</source>
        <translation>正在等待：另一个程序正在写入文库。“取消导入”会停止导入，已导入的版面保留。</translation>
    </message>
    <message>
        <source>Waiting: %1 is writing to the library. Cancel stops the import; the pages imported so far stay.</source>
        <translation>正在等待：%1 正在写入文库。“取消导入”会停止导入，已导入的版面保留。</translation>
    </message>
    <message>
        <source>There is no library at %1 any more: it was moved or deleted.</source>
        <translation>%1 处已没有文库：它已被移动或删除。</translation>
    </message>
    <message>
        <source>Open &amp;Library…</source>
        <translation>打开文库(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Open another library, a file or a team library on a server, in a window of its own</source>
        <translation>在新窗口中打开另一个文库：文件或服务器上的团队文库</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Bulletin Reader could not be started again for %1.</source>
        <translation>无法为 %1 再启动专版阅读器。</translation>
    </message>
    <message>
        <source>Opening %1 in a window of its own…</source>
        <translation>正在新窗口中打开 %1…</translation>
    </message>
    <message>
        <source>No other library yet</source>
        <translation>还没有其他文库</translation>
    </message>
    <message>
        <source>Mark as &amp;Coded</source>
        <translation>标记为已编码(&amp;C)</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Record the tags as they stand as your coding of this article, for coder agreement</source>
        <translation>把现有标签记为您对本文的编码，用于编码一致性</translation>
    </message>
    <message>
        <source>Coder &amp;Agreement…</source>
        <translation>编码一致性(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Bulletin Reader</source>
        <translation>专版阅读器</translation>
    </message>
    <message>
        <source>This library is read-only: it can be read, but tags, highlights and notes cannot be saved.</source>
        <translation>此文库为只读：可以阅读，但专项标签、标注和批注无法保存。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>Untagged</source>
        <translation>未标专项</translation>
    </message>
    <message>
        <source>With suggestions</source>
        <translation>有专项建议</translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation>有标注</translation>
    </message>
    <message>
        <source>Tagged %1</source>
        <translation>已标“%1”</translation>
    </message>
    <message>
        <source>&amp;Import Pages…</source>
        <translation>导入版面(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>标注所选文字(&amp;H)</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>添加批注(&amp;N)…</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>&amp;Filter Articles</source>
        <translation>筛选文章(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <source>J</source>
        <translation>J</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Show &amp;Original Page</source>
        <translation>显示原版面(&amp;O)</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>&amp;Accept Suggestions</source>
        <translation>采纳专项建议(&amp;A)</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>&amp;About Bulletin Reader</source>
        <translation>关于专版阅读器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>专项(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Select a passage in the article first.</source>
        <translation>请先在文章中选择一段文字。</translation>
    </message>
    <message>
        <source>Select a passage, or a highlight in the list, to add a note.</source>
        <translation>请选择一段文字或列表中的标注，再添加批注。</translation>
    </message>
    <message>
        <source>Import Pages</source>
        <translation>导入版面</translation>
    </message>
    <message>
        <source>Pages and projects (*.txt *.html *.htm *.qdpx);;All files (*)</source>
        <translation>版面与项目 (*.txt *.html *.htm *.qdpx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)…</source>
        <translation>正在导入 %1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n page(s)</source>
        <translation>
            <numerusform>已导入 %n 个版面</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the library</source>
        <translation>
            <numerusform>%n 个已在文库中</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>部分文件未导入</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were not imported.</source>
        <translation>
            <numerusform>%n 个文件未导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 articles · %3</source>
        <translation>显示 %1 篇，共 %2 篇 · %3</translation>
    </message>
    <message>
        <source>About Bulletin Reader</source>
        <translation>关于专版阅读器</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bulletin Reader %1&lt;/h3&gt;&lt;p&gt;Splits the special pages of Chinese bulletins into articles, tags them by campaign and keeps highlights and notes in a local library.&lt;/p&gt;&lt;p&gt;Qt %2, SQLite, ICU, uchardet.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;专版阅读器 %1&lt;/h3&gt;&lt;p&gt;将报刊专版拆分为文章，按专项标注，并把标注与批注保存在本地文库中。&lt;/p&gt;&lt;p&gt;Qt %2、SQLite、ICU、uchardet。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The library is empty: importing the bundled sample pages…</source>
        <translation>文库为空：正在导入自带的示例版面…</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Violet</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Highlight in Colour</source>
        <translation>按颜色标注</translation>
    </message>
    <message>
        <source>New &amp;Tag…</source>
        <translation>新建标签(&amp;T)…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Toggle %1</source>
        <translation>切换“%1”</translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Search: words, &quot;a phrase&quot;, -exclude (Ctrl+F)</source>
        <translation>搜索：词语、&quot;短语&quot;、-排除（Ctrl+F）</translation>
    </message>
    <message>
        <source>Next &amp;Match</source>
        <translation>下一处匹配(&amp;M)</translation>
    </message>
    <message>
        <source>Previous Matc&amp;h</source>
        <translation>上一处匹配(&amp;H)</translation>
    </message>
    <message>
        <source>Saved searches: click to apply, Delete to remove</source>
        <translation>已存搜索：单击应用，Delete 删除</translation>
    </message>
    <message>
        <source>Remove Saved Search</source>
        <translation>删除已存搜索</translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation>保存搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Type a search or choose a filter first.</source>
        <translation>请先输入搜索或选择筛选条件。</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <source>Name of the saved search:</source>
        <translation>已存搜索的名称：</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Export &amp;Coverage Table…</source>
        <translation>导出统计表(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;PDF Coverage Report…</source>
        <translation>PDF 统计报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>报道统计</translation>
    </message>
    <message>
        <source>&amp;Coverage</source>
        <translation>报道统计(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Export Articles…</source>
        <translation>导出文章列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>all campaigns</source>
        <translation>全部专项</translation>
    </message>
    <message numerus="yes">
        <source>Coverage: %1 · %2 — %n article(s), tagged or suggested</source>
        <translation>
            <numerusform>报道统计：%1 · %2 —— %n 篇（已标或建议）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 篇文章到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Articles</source>
        <translation>导出文章列表</translation>
    </message>
    <message>
        <source>articles.xlsx</source>
        <translation>文章列表.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 逗号分隔 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n non-text file(s) skipped</source>
        <translation>
            <numerusform>跳过 %n 个非文本文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped, not text:</source>
        <translation>已跳过（不是文本）：</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the folders are not text and were skipped.</source>
        <translation>
            <numerusform>文件夹中有 %n 个文件不是文本，已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Merge with Next Article</source>
        <translation>与下一篇合并(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Split Article at Cursor</source>
        <translation>在光标处拆分文章(&amp;S)</translation>
    </message>
    <message>
        <source>A new article starts where the cursor stands in the text</source>
        <translation>从光标所在处起另成一篇文章</translation>
    </message>
    <message>
        <source>Edit &amp;Headline…</source>
        <translation>编辑标题(&amp;H)…</translation>
    </message>
    <message>
        <source>Move First Paragraph to &amp;Previous Article</source>
        <translation>首段移到上一篇(&amp;P)</translation>
    </message>
    <message>
        <source>Move Last Paragraph to &amp;Next Article</source>
        <translation>末段移到下一篇(&amp;N)</translation>
    </message>
    <message>
        <source>Split This Page A&amp;gain</source>
        <translation>重新拆分本版(&amp;G)</translation>
    </message>
    <message>
        <source>Split the page with this version&apos;s engine; tags and notes carry over</source>
        <translation>用当前版本的引擎重新拆分本版，标签和批注随文保留</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>%1 highlight(s) to check and %2 orphaned: see Highlights to Review.</source>
        <translation>%1 处标注需核对，%2 处失去原文：见“待复核标注”。</translation>
    </message>
    <message>
        <source>Highlights to Review</source>
        <translation>待复核标注</translation>
    </message>
    <message>
        <source>Select the passage in this article, then choose Attach to Selection again.</source>
        <translation>请先在这篇文章中选中文字，再点“附到所选文字”。</translation>
    </message>
    <message>
        <source>That article is not in the list as filtered now.</source>
        <translation>按当前筛选，列表中没有这篇文章。</translation>
    </message>
    <message>
        <source>Put the cursor in a paragraph of the article where the new article should start.</source>
        <translation>请把光标放在新文章开头所在的段落中。</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
    <message>
        <source>Codebook exported to %1</source>
        <translation>编码表已导出到 %1</translation>
    </message>
    <message>
        <source>Export Highlights and Notes</source>
        <translation>导出标注与批注</translation>
    </message>
    <message>
        <source>notes.xlsx</source>
        <translation>标注与批注.xlsx</translation>
    </message>
    <message>
        <source>Export for Other Tools</source>
        <translation>导出给其他工具</translation>
    </message>
    <message>
        <source>record.qdpx</source>
        <translation>记录.qdpx</translation>
    </message>
    <message>
        <source>REFI-QDA project for NVivo, MAXQDA, ATLAS.ti, QualCoder (*.qdpx);;W3C Web Annotation (*.jsonld);;REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA 项目，供 NVivo、MAXQDA、ATLAS.ti、QualCoder 使用 (*.qdpx);;W3C 网络标注 (*.jsonld);;REFI-QDA 编码表 (*.qdc)</translation>
    </message>
    <message>
        <source>Export &amp;Highlights and Notes…</source>
        <translation>导出标注与批注(&amp;H)…</translation>
    </message>
    <message>
        <source>Export for &amp;Other Tools (REFI-QDA, W3C)…</source>
        <translation>导出给其他工具(&amp;O)（REFI-QDA、W3C）…</translation>
    </message>
    <message numerus="yes">
        <source>%n highlight(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 处标注到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Back Up Library…</source>
        <translation>备份文库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Back Up Library</source>
        <translation>备份文库</translation>
    </message>
    <message>
        <source>Bulletin Reader library (*.sqlite3)</source>
        <translation>专版阅读器文库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Backup written and checked: %1</source>
        <translation>备份已写好并通过检查：%1</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the library with this backup?</source>
        <translation>用这份备份替换文库吗？</translation>
    </message>
    <message>
        <source>The library will be as it was in %1. The library as it is now is kept in its backup folder first, so this can be taken back by restoring that copy.</source>
        <translation>文库将恢复为 %1 中的样子。现在的文库会先保存在备份文件夹中，可以再恢复那份副本来撤回。</translation>
    </message>
    <message>
        <source>Restored. The library as it was is kept at %1</source>
        <translation>已恢复。原来的文库保存在 %1</translation>
    </message>
    <message>
        <source>This library is damaged (%1), so it was opened for reading only. File &gt; Restore from Backup… puts a good copy in place and keeps this one aside.</source>
        <translation>此文库已损坏（%1），因此以只读方式打开。“文件 &gt; 从备份恢复…”可换上完好的副本，并把这份另存。</translation>
    </message>
    <message>
        <source>Restored from a backup. Open the library again to edit it.</source>
        <translation>已从备份恢复。请重新打开文库再编辑。</translation>
    </message>
    <message>
        <source>Changes made elsewhere are shown.</source>
        <translation>已显示别处所做的更改。</translation>
    </message>
    <message>
        <source>&amp;Copy Library to a File…</source>
        <translation>复制文库到文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Copy Library to a File</source>
        <translation>复制文库到文件</translation>
    </message>
    <message>
        <source>%1 exists already: a library is copied into a new file.</source>
        <translation>%1 已存在：文库只能复制到一个新文件。</translation>
    </message>
    <message>
        <source>Copying the library…</source>
        <translation>正在复制文库…</translation>
    </message>
    <message>
        <source>The library was not copied: %1</source>
        <translation>文库未复制：%1</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n article(s) to %1</source>
        <translation>
            <numerusform>已复制 %n 篇文章到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>&amp;Manage Tags…</source>
        <translation>管理标签(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Set Publication and &amp;Date…</source>
        <translation>设置报刊与日期(&amp;D)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Set the publication and date of the pages of every selected article at once</source>
        <translation>一次设置所选全部文章所在版面的报刊与日期</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>已存搜索</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用简介(&amp;U)</translation>
    </message>
    <message>
        <source>Shift+F1</source>
        <translation>Shift+F1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of the import summary</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the parts of the import summary</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>.</source>
        <comment>the end of the import summary</comment>
        <translation>。</translation>
    </message>
</context>
<context>
    <name>br::ui::NoteEditor</name>
    <message>
        <source>Note on the selected highlight (saved when you leave the box)</source>
        <translation>所选标注的批注（离开输入框时保存）</translation>
    </message>
</context>
<context>
    <name>br::ui::OpenLibraryDialog</name>
    <message>
        <source>your login name, when left empty</source>
        <translation>留空时为您的登录名</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>打开文库</translation>
    </message>
    <message>
        <source>A library &amp;file on this computer</source>
        <translation>本机上的文库文件(&amp;F)</translation>
    </message>
    <message>
        <source>/path/to/library.sqlite3</source>
        <translation>/路径/library.sqlite3</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>A team library on a PostgreSQL &amp;server</source>
        <translation>PostgreSQL 服务器上的团队文库(&amp;S)</translation>
    </message>
    <message>
        <source>db.example.org, or a socket folder such as /run/postgresql</source>
        <translation>db.example.org，或套接字目录，如 /run/postgresql</translation>
    </message>
    <message>
        <source>the library&apos;s database, e.g. archive</source>
        <translation>文库所在的数据库，如 archive</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL：</translation>
    </message>
    <message>
        <source>A password, if the server asks for one, is read from ~/.pgpass or $PGPASSWORD; it is never kept by Bulletin Reader.</source>
        <translation>服务器如需密码，从 ~/.pgpass 或 $PGPASSWORD 读取；本程序从不保存密码。</translation>
    </message>
    <message>
        <source>Open for &amp;reading only</source>
        <translation>只读打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Bulletin Reader library (*.sqlite3 *.db);;All files (*)</source>
        <translation>专版阅读器文库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>There is no library at %1.</source>
        <translation>%1 处没有文库。</translation>
    </message>
    <message>
        <source>Make a new, empty library there?</source>
        <translation>在那里新建一个空文库吗？</translation>
    </message>
</context>
<context>
    <name>br::ui::PageDetailsDialog</name>
    <message>
        <source>Set Publication and Date</source>
        <translation>设置报刊与日期</translation>
    </message>
    <message numerus="yes">
        <source>For the %n page(s) of the selected articles. Only what is ticked is set; a page keeps the rest as it is.</source>
        <translation>
            <numerusform>用于所选文章所在的 %n 个版面。只设置勾选的项目，其余保持各版面原样。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Publication:</source>
        <translation>报刊(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. 聊城日报</source>
        <translation>如：聊城日报</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>2019-05-28, 2019年5月28日 or 2019-05</source>
        <translation>2019-05-28、2019年5月28日 或 2019-05</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>br::ui::PdfReport</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1 (+%2)</source>
        <translation>%1（+%2）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Coverage report</source>
        <translation>报道统计报告</translation>
    </message>
    <message>
        <source>Articles by %1 and campaign: %2</source>
        <translation>按%1和专项统计文章：%2</translation>
    </message>
    <message>
        <source>Suggested, not yet confirmed articles are counted.</source>
        <translation>已计入系统建议但尚未确认的文章。</translation>
    </message>
    <message>
        <source>Counts are of tagged articles; suggested ones are shown apart (+n).</source>
        <translation>统计已标专项的文章；系统建议的另行列出（+n）。</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>文库：%1</translation>
    </message>
    <message>
        <source>Made on %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <source>Coverage by %1</source>
        <translation>按%1统计</translation>
    </message>
    <message>
        <source>Articles by %1</source>
        <translation>按%1统计文章</translation>
    </message>
    <message>
        <source>Articles by month</source>
        <translation>按月份统计文章</translation>
    </message>
    <message>
        <source>The articles of each cell</source>
        <translation>各单元格的文章</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2（%3）</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 —— %3</translation>
    </message>
    <message>
        <source>• tagged   ○ suggested, not yet confirmed</source>
        <translation>• 已标专项   ○ 系统建议，尚未确认</translation>
    </message>
    <message>
        <source>Highlights and notes</source>
        <translation>标注与批注</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source> · text changed, to check</source>
        <translation> · 原文有改动，待核对</translation>
    </message>
    <message>
        <source> · its text is gone</source>
        <translation> · 原文已不在</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n article(s)</source>
        <translation>
            <numerusform>%1：%n 篇</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>br::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>In the note box</source>
        <translation>在批注框中</translation>
    </message>
    <message>
        <source>Save the note</source>
        <translation>保存批注</translation>
    </message>
    <message>
        <source>Ctrl+Enter, or leave the box</source>
        <translation>Ctrl+Enter，或离开输入框</translation>
    </message>
    <message>
        <source>Go back to the saved note</source>
        <translation>恢复已保存的批注</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Undo typing</source>
        <translation>撤销输入</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
</context>
<context>
    <name>br::ui::TagEditDialog</name>
    <message>
        <source>Purple</source>
        <translation>紫</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙</translation>
    </message>
    <message>
        <source>Teal</source>
        <translation>青绿</translation>
    </message>
    <message>
        <source>Brick</source>
        <translation>砖红</translation>
    </message>
    <message>
        <source>Slate</source>
        <translation>石板蓝</translation>
    </message>
    <message>
        <source>Ochre</source>
        <translation>赭黄</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉红</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰</translation>
    </message>
    <message>
        <source>Other colour…</source>
        <translation>其他颜色…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>br::ui::TagListModel</name>
    <message>
        <source>A campaign of the program&apos;s own: its name and colour stay</source>
        <translation>程序内置的专项：名称和颜色不可更改</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
</context>
<context>
    <name>br::ui::TagManagerDialog</name>
    <message>
        <source>Manage Tags</source>
        <translation>管理标签</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Edit Tag</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Merge %1 Into</source>
        <translation>把%1合并到</translation>
    </message>
    <message>
        <source>Every article tagged “%1” gets the tag chosen here, and “%1” is deleted.</source>
        <translation>标为“%1”的每篇文章都将改标为这里选择的标签，“%1”随后删除。</translation>
    </message>
    <message>
        <source>Choose a tag…</source>
        <translation>选择标签…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>br::ui::UnitMergeDialog</name>
    <message>
        <source>Merge Unit</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <source>Count every article of “%1” as an article of:</source>
        <translation>把“%1”的全部文章计为以下单位的文章：</translation>
    </message>
    <message>
        <source>Type to find a unit, or a new name</source>
        <translation>输入以查找单位，或输入新名称</translation>
    </message>
</context>
<context>
    <name>br::ui::UserGuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation>使用简介</translation>
    </message>
</context>
<context>
    <name>br::ui::Workspace</name>
    <message>
        <source>“%1” is already tagged %2; it is shown as it now is.</source>
        <translation>“%1”已标为%2；现按最新状态显示。</translation>
    </message>
    <message>
        <source>%3 tagged “%1” %2 meanwhile; it is shown as it now is.</source>
        <translation>%3 已在此期间把“%1”标为%2；现按最新状态显示。</translation>
    </message>
    <message>
        <source>The tag %2 was taken off “%1” meanwhile; it is shown as it now is.</source>
        <translation>“%1”的标签%2已在此期间被取消；现按最新状态显示。</translation>
    </message>
    <message>
        <source>Mark as coded</source>
        <translation>标记为已编码</translation>
    </message>
    <message>
        <source>Tag as %1</source>
        <translation>标为%1</translation>
    </message>
    <message>
        <source>Remove tag %1</source>
        <translation>取消标签%1</translation>
    </message>
    <message>
        <source>Accept suggestion %1</source>
        <translation>采纳建议%1</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>修改批注</translation>
    </message>
    <message>
        <source>Remove highlight</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <source>Edit page details</source>
        <translation>修改版面信息</translation>
    </message>
    <message>
        <source>Correct the county</source>
        <translation>更正县区</translation>
    </message>
    <message>
        <source>Correct the unit</source>
        <translation>更正单位</translation>
    </message>
    <message>
        <source>This is the last article of its page: there is no next one to merge it with.</source>
        <translation>这是本版最后一篇，没有下一篇可以合并。</translation>
    </message>
    <message>
        <source>Merge with next article</source>
        <translation>与下一篇合并</translation>
    </message>
    <message>
        <source>Split article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <source>Edit headline</source>
        <translation>编辑标题</translation>
    </message>
    <message>
        <source>Move paragraph to previous article</source>
        <translation>段落移到上一篇</translation>
    </message>
    <message>
        <source>Move paragraph to next article</source>
        <translation>段落移到下一篇</translation>
    </message>
    <message>
        <source>Splitting the page again finds the same articles: nothing to change.</source>
        <translation>重新拆分得到的文章与现在相同，无需改动。</translation>
    </message>
    <message>
        <source>Split page again</source>
        <translation>重新拆分本版</translation>
    </message>
    <message>
        <source>Accept highlight</source>
        <translation>确认标注</translation>
    </message>
    <message>
        <source>Attach highlight to selection</source>
        <translation>把标注附到所选文字</translation>
    </message>
    <message>
        <source>%1

Your note, not saved:
%2</source>
        <translation>%1

您的批注（未保存）：
%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>“%1” is not a date the library can count by: write it as 2019-05-28, 2019年5月28日 or, for a month, 2019-05.</source>
        <translation>“%1”不是可用于统计的日期：请写成 2019-05-28、2019年5月28日，只知月份时写 2019-05。</translation>
    </message>
    <message numerus="yes">
        <source>Set publication and date of %n page(s)</source>
        <translation>
            <numerusform>设置 %n 个版面的报刊与日期</numerusform>
        </translation>
    </message>
    <message>
        <source>New tag “%1”</source>
        <translation>新建标签“%1”</translation>
    </message>
    <message>
        <source>Edit tag “%1”</source>
        <translation>编辑标签“%1”</translation>
    </message>
    <message>
        <source>Delete tag “%1”</source>
        <translation>删除标签“%1”</translation>
    </message>
    <message>
        <source>Merge tag “%1” into “%2”</source>
        <translation>将标签“%1”合并到“%2”</translation>
    </message>
    <message>
        <source>Save search “%1”</source>
        <translation>保存搜索“%1”</translation>
    </message>
    <message>
        <source>Remove saved search “%1”</source>
        <translation>删除已存搜索“%1”</translation>
    </message>
    <message>
        <source>Merge unit “%1” into “%2”</source>
        <translation>将单位“%1”合并到“%2”</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>How far the coders agree on campaign tags (Cohen&apos;s kappa, Krippendorff&apos;s alpha)</source>
        <translation>编码人在专项标签上的一致程度（Cohen κ、Krippendorff α）</translation>
    </message>
    <message>
        <source>Split page files into articles and print them as JSON</source>
        <translation>将版面文件拆分为文章并输出 JSON</translation>
    </message>
    <message>
        <source>Import page files or folders into the library</source>
        <translation>将版面文件或文件夹导入文库</translation>
    </message>
    <message>
        <source>List the articles in the library</source>
        <translation>列出文库中的文章</translation>
    </message>
    <message>
        <source>Search the articles of the library</source>
        <translation>搜索文库中的文章</translation>
    </message>
    <message>
        <source>Count articles by campaign and county, town, unit, month or publication</source>
        <translation>按专项和县区、乡镇、单位、月份或报刊统计文章</translation>
    </message>
    <message>
        <source>Export the articles, the notes, or the record (W3C, REFI-QDA)</source>
        <translation>导出文章列表、标注与批注，或整份记录（W3C、REFI-QDA）</translation>
    </message>
    <message>
        <source>Find places and units again; with --split, split pages again</source>
        <translation>重新识别地点与单位；加 --split 时先重新拆分版面</translation>
    </message>
    <message>
        <source>Show an article; merge, split or edit it by hand</source>
        <translation>显示文章；手工合并、拆分或修改</translation>
    </message>
    <message>
        <source>Tag an article with a campaign (or --remove the tag)</source>
        <translation>为文章加专项标签（或 --remove 去掉）</translation>
    </message>
    <message>
        <source>Highlight a passage of an article, with a note</source>
        <translation>标注文章中的一段文字并加批注</translation>
    </message>
    <message>
        <source>Write a checked copy of the library</source>
        <translation>写出一份经过检查的文库副本</translation>
    </message>
    <message>
        <source>Go back to a backup (the current library is kept)</source>
        <translation>恢复到某份备份（现在的文库会保留）</translation>
    </message>
    <message>
        <source>Copy a library into a new one: a file to a server or back</source>
        <translation>把文库整个复制到一个新文库：从文件到服务器，或从服务器到文件</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Opening %1…

A library made by an older version of Bulletin Reader is brought up to date first, once; a large one takes minutes. A copy of it as it was is kept beside it.</source>
        <translation>正在打开 %1…

由旧版专版阅读器建立的文库先要更新一次，大的文库需要几分钟。更新前的原样副本保存在它旁边。</translation>
    </message>
    <message>
        <source>The library: a file, or a postgresql:// URL of a library on a server.</source>
        <translation>文库：一个文件，或服务器上文库的 postgresql:// 网址。</translation>
    </message>
    <message>
        <source>Bulletin Reader</source>
        <translation>专版阅读器</translation>
    </message>
    <message>
        <source>The library cannot be opened:
%1</source>
        <translation>无法打开文库：
%1</translation>
    </message>
    <message>
        <source>Open the library for reading only; nothing is changed.</source>
        <translation>以只读方式打开文库，不作任何改动。</translation>
    </message>
    <message>
        <source>Bulletin Reader is already open on %1: that window was brought to the front.</source>
        <translation>Bulletin Reader 已经打开了 %1：已把那个窗口切换到前面。</translation>
    </message>
    <message>
        <source>No backup today: %1</source>
        <translation>今天没能备份：%1</translation>
    </message>
</context>
</TS>
