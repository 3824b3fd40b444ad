<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>hnreader %1
A reader and annotation workbench for Chinese news corpora.</source>
        <translation>hnreader %1
中文新闻语料的阅读与标注工作台。</translation>
    </message>
    <message>
        <source>About hnreader</source>
        <translation>关于 hnreader</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Coder Agreement</source>
        <translation>编码员一致性</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未署名）</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>A unit counts as coded when at least this share of it is (0: any character).</source>
        <translation>单位中至少有这一比例被编码时，才算作已编码（0：任意一个字符）。</translation>
    </message>
    <message>
        <source>Sub-tags count as their tag</source>
        <translation>子标签算作其上级标签</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>编码员：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Compare on:</source>
        <translation>比较单位：</translation>
    </message>
    <message>
        <source>Coded when at least:</source>
        <translation>编码比例至少：</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Articles coded by every chosen coder: %1. Units per tag: %2. A — means undefined: every unit coded alike by everyone. Unitizing α compares the coders&apos; spans character by character, whatever the unit.</source>
        <translation>所选编码员都编码过的文章：%1 篇。每个标签的单位数：%2。— 表示无定义：每个单位所有人编码都相同。单位化 α 逐字比较编码员标注的片段，与所选单位无关。</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>编码员</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1</source>
        <translation>
            <numerusform>已将 %n 行写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose two or more coders and press Compute.</source>
        <translation>请选择两名或更多编码员，然后点击“计算”。</translation>
    </message>
    <message>
        <source>Choose two or more coders and at least one tag.</source>
        <translation>请选择两名或更多编码员和至少一个标签。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>No article has been coded by every one of these coders yet.</source>
        <translation>还没有文章被所有这些编码员都编码过。</translation>
    </message>
    <message>
        <source>Export agreement</source>
        <translation>导出一致性</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>AgreementModel</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <source>Coded (%1)</source>
        <translation>已编码（%1）</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen κ</translation>
    </message>
    <message>
        <source>Fleiss&apos; κ</source>
        <translation>Fleiss κ</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff α</translation>
    </message>
    <message>
        <source>Unitizing α</source>
        <translation>单位化 α</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s unitizing α (2004): how alike the coders marked where each span begins and ends, on the characters of the text, whatever the unit chosen above.</source>
        <translation>Krippendorff 单位化 α（2004）：编码员标出的每个片段起止位置有多一致，按文本的字符计算，与上面所选的单位无关。</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
</context>
<context>
    <name>AnalyseWindow</name>
    <message>
        <source>Analyse — %1</source>
        <translation>分析 — %1</translation>
    </message>
    <message>
        <source>Retrieve</source>
        <translation>检索片段</translation>
    </message>
    <message>
        <source>Code Matrix</source>
        <translation>编码矩阵</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>共现</translation>
    </message>
    <message>
        <source>Word List</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>Keyness</source>
        <translation>主题词</translation>
    </message>
    <message>
        <source>Collocates</source>
        <translation>搭配词</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Counting words…</source>
        <translation>正在统计词语…</translation>
    </message>
    <message>
        <source>Finding the lines…</source>
        <translation>正在查找语境行…</translation>
    </message>
    <message>
        <source>Counting for the chart…</source>
        <translation>正在为图表计数…</translation>
    </message>
    <message>
        <source>Analysing the codes…</source>
        <translation>正在分析编码…</translation>
    </message>
    <message>
        <source>The analysis could not be run: %1</source>
        <translation>无法进行分析：%1</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1</source>
        <translation>
            <numerusform>已将 %n 行写入 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisFilterBar</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Only articles dated on or after this (2019, 2019-07)</source>
        <translation>只看此日期当天及之后的文章（2019、2019-07）</translation>
    </message>
    <message>
        <source>Only articles dated up to this, inclusive (2020-06)</source>
        <translation>只看此日期之前（含当天）的文章（2020-06）</translation>
    </message>
    <message>
        <source>value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Include sub-tags</source>
        <translation>包括子标签</translation>
    </message>
    <message>
        <source>A tag&apos;s passages include those of the tags below it</source>
        <translation>一个标签的片段包括其下各子标签的片段</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（任意）</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>所有编码员</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名）</translation>
    </message>
    <message>
        <source>“%1” is not a date: write 2019, 2019-07 or 2019-07-15.</source>
        <translation>“%1”不是日期：请写成 2019、2019-07 或 2019-07-15。</translation>
    </message>
</context>
<context>
    <name>AnnotationListPanel</name>
    <message>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Edit the note of the selected annotation</source>
        <translation>编辑所选批注的备注</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Change the tags of the selected annotation</source>
        <translation>更改所选批注的标签</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected annotations (Del)</source>
        <translation>删除所选批注 (Del)</translation>
    </message>
    <message>
        <source>Show the annotations of every coder or of one</source>
        <translation>显示所有编码员或某一位编码员的标注</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>所有编码员</translation>
    </message>
    <message>
        <source>No annotations yet: select text and tag it.</source>
        <translation>尚无批注：选中文本即可为其加标签。</translation>
    </message>
    <message>
        <source>%1 of %2 annotations</source>
        <translation>%1 / %2 条标注</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 条批注</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 条批注</translation>
    </message>
    <message>
        <source>No article is shown.</source>
        <translation>未显示文章。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note on “%1”</source>
        <translation>“%1”的备注</translation>
    </message>
    <message>
        <source>An annotation needs at least one tag; delete it instead.</source>
        <translation>批注至少需要一个标签；如不需要，请删除该批注。</translation>
    </message>
</context>
<context>
    <name>AnnotationTableModel</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <source>Kind / value</source>
        <translation>类型 / 数值</translation>
    </message>
    <message>
        <source>passage</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>数字</translation>
    </message>
</context>
<context>
    <name>ArticleDetailsDialog</name>
    <message>
        <source>Article details</source>
        <translation>文章详情</translation>
    </message>
    <message>
        <source>yyyy-mm-dd, or as written</source>
        <translation>yyyy-mm-dd，或照原文填写</translation>
    </message>
    <message>
        <source>e.g. 第05版, A3</source>
        <translation>例如：第05版、A3</translation>
    </message>
    <message>
        <source>e.g. 要闻, 评论</source>
        <translation>例如：要闻、评论</translation>
    </message>
    <message>
        <source>the article&apos;s original link</source>
        <translation>文章的原始链接</translation>
    </message>
    <message>
        <source>As written: %1</source>
        <translation>原文写法：%1</translation>
    </message>
    <message>
        <source>names, separated by 、</source>
        <translation>姓名，以“、”分隔</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the link to the clipboard</source>
        <translation>将链接复制到剪贴板</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Open the link in your web browser</source>
        <translation>在网页浏览器中打开该链接</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Kicker / subtitle:</source>
        <translation>引题/副题：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Byline:</source>
        <translation>署名：</translation>
    </message>
    <message>
        <source>Publication:</source>
        <translation>报刊：</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>版次：</translation>
    </message>
    <message>
        <source>Section / column:</source>
        <translation>栏目 / 版块：</translation>
    </message>
    <message>
        <source>Reporters:</source>
        <translation>记者：</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <source>Source file:</source>
        <translation>来源文件：</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>%1, lines %2–%3</source>
        <translation>%1，第 %2–%3 行</translation>
    </message>
    <message>
        <source>Variables (from the imported file; not editable here):</source>
        <translation>变量（来自导入的文件，此处不可编辑）：</translation>
    </message>
</context>
<context>
    <name>ArticleHeader</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 第 %2 篇</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Document variable “%1”</source>
        <translation>文档变量“%1”</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Number of annotations in the article</source>
        <translation>文章中的批注数</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>Excluded: left out of search, counts, analysis and export</source>
        <translation>已排除：不参与检索、计数、分析和导出</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>made by you</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 (unverified)</source>
        <translation>%1（未校验）</translation>
    </message>
</context>
<context>
    <name>ChartWording</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>%1: hits per month</source>
        <translation>%1：每月出现次数</translation>
    </message>
    <message>
        <source>%1: hits per quarter</source>
        <translation>%1：每季度出现次数</translation>
    </message>
    <message>
        <source>%1: hits per year</source>
        <translation>%1：每年出现次数</translation>
    </message>
    <message>
        <source>%1: hits per 10,000 characters, by month</source>
        <translation>%1：每月每万字出现次数</translation>
    </message>
    <message>
        <source>%1: hits per 10,000 characters, by quarter</source>
        <translation>%1：每季度每万字出现次数</translation>
    </message>
    <message>
        <source>%1: hits per 10,000 characters, by year</source>
        <translation>%1：每年每万字出现次数</translation>
    </message>
    <message>
        <source>%1: passages per month</source>
        <translation>%1：每月编码片段数</translation>
    </message>
    <message>
        <source>%1: passages per quarter</source>
        <translation>%1：每季度编码片段数</translation>
    </message>
    <message>
        <source>%1: passages per year</source>
        <translation>%1：每年编码片段数</translation>
    </message>
    <message>
        <source>%1: passages per 10,000 characters, by month</source>
        <translation>%1：每月每万字编码片段数</translation>
    </message>
    <message>
        <source>%1: passages per 10,000 characters, by quarter</source>
        <translation>%1：每季度每万字编码片段数</translation>
    </message>
    <message>
        <source>%1: passages per 10,000 characters, by year</source>
        <translation>%1：每年每万字编码片段数</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>编码片段数</translation>
    </message>
    <message>
        <source>Passages per 10,000 characters</source>
        <translation>每万字编码片段数</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <source>Hits per 10,000 characters</source>
        <translation>每万字出现次数</translation>
    </message>
    <message numerus="yes">
        <source>Not charted: %n article(s) without a date fine enough for the period (%1)</source>
        <translation>
            <numerusform>未计入图中：%n 篇文章没有精确到该时段的日期（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 passage(s)</source>
        <translation>%1：%2 个片段</translation>
    </message>
    <message>
        <source>%1: %2 hit(s)</source>
        <translation>%1：%2 次</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Dispersion of %1 across the corpus</source>
        <translation>%1 在语料中的分布</translation>
    </message>
    <message>
        <source>The articles in date order (%1 articles, %2 characters)</source>
        <translation>按日期排列的文章（%1 篇，%2 字）</translation>
    </message>
    <message numerus="yes">
        <source>Not shown: %1 hit(s) in %n article(s) without a date</source>
        <translation>
            <numerusform>未显示：无日期的 %n 篇文章中的 %1 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 hit(s) in %3 article(s)</source>
        <translation>%1：%2 次，见于 %3 篇文章</translation>
    </message>
    <message>
        <source>. Click a tick to open the article there.</source>
        <translation>。点击刻线可在阅读器中打开该处文章。</translation>
    </message>
    <message>
        <source>Passages per tag and coder</source>
        <translation>各标签、各编码者的编码片段数</translation>
    </message>
    <message>
        <source>Passages per tag</source>
        <translation>各标签的编码片段数</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码者</translation>
    </message>
</context>
<context>
    <name>CoderViewBox</name>
    <message>
        <source>Whose coding the reader shows: every coder&apos;s, one coder&apos;s, or two coders&apos; compared in two colours</source>
        <translation>阅读区显示谁的编码：所有编码员、某一位编码员，或以两种颜色比较两位编码员</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>所有编码员</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <source>Compare %1 and %2</source>
        <translation>比较 %1 与 %2</translation>
    </message>
</context>
<context>
    <name>CollocatesModel</name>
    <message>
        <source>Collocate</source>
        <translation>搭配词</translation>
    </message>
    <message>
        <source>Together</source>
        <translation>共现次数</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>logDice</source>
        <translation>logDice</translation>
    </message>
    <message>
        <source>MI</source>
        <translation>MI</translation>
    </message>
    <message>
        <source>Log-likelihood</source>
        <translation>对数似然</translation>
    </message>
</context>
<context>
    <name>CollocatesTab</name>
    <message>
        <source>a word, e.g. 扶贫</source>
        <translation>一个词，如 扶贫</translation>
    </message>
    <message>
        <source> words</source>
        <translation> 个词</translation>
    </message>
    <message>
        <source>logDice</source>
        <translation>logDice</translation>
    </message>
    <message>
        <source>Mutual information (MI)</source>
        <translation>互信息（MI）</translation>
    </message>
    <message>
        <source>Log-likelihood</source>
        <translation>对数似然</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>节点词</translation>
    </message>
    <message>
        <source>Window ±</source>
        <translation>窗口 ±</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>排序依据</translation>
    </message>
    <message>
        <source>Min. together</source>
        <translation>最少共现</translation>
    </message>
    <message>
        <source>Type a word in Term and press Enter to see the words found near it.</source>
        <translation>在“节点词”中输入一个词并按回车，查看它附近出现的词。</translation>
    </message>
    <message>
        <source>No collocates of “%1”: it occurs %2 time(s) as a whole word here. Try another word, a wider window or lower minimums.</source>
        <translation>“%1”没有搭配词：它在这里作为完整的词出现了 %2 次。请换一个词、加大窗口或降低最低值。</translation>
    </message>
    <message>
        <source>Click a collocate to see its lines with the term.</source>
        <translation>点击一个搭配词，查看它与节点词同现的语境行。</translation>
    </message>
    <message>
        <source>“%1”: %2 occurrences, %3 collocates within %4 words</source>
        <translation>“%1”：出现 %2 次，%4 个词以内有 %3 个搭配词</translation>
    </message>
    <message>
        <source>%1 line(s) of “%2” with “%3” — double-click one to open it</source>
        <translation>“%2”与“%3”同现的 %1 行——双击打开</translation>
    </message>
    <message>
        <source>collocates</source>
        <translation>搭配词</translation>
    </message>
</context>
<context>
    <name>CooccurrenceTab</name>
    <message>
        <source>Overlapping passages</source>
        <translation>重叠的片段</translation>
    </message>
    <message>
        <source>Same sentence</source>
        <translation>同一句</translation>
    </message>
    <message>
        <source>Same paragraph</source>
        <translation>同一段</translation>
    </message>
    <message>
        <source>Same article</source>
        <translation>同一篇文章</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Jaccard (0–1)</source>
        <translation>Jaccard 系数（0–1）</translation>
    </message>
    <message>
        <source>Jaccard: the units with both tags divided by the units with either (for overlaps: the characters coded with both divided by those with either)</source>
        <translation>Jaccard 系数：同时有两个标签的单位数除以有其中任一标签的单位数（重叠时：同时标注两个标签的字符数除以标注任一标签的字符数）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Together in</source>
        <translation>共现范围</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>There are no tags yet. Create tags in the Tags panel and tag passages in the reader; this table then shows which tags occur together.</source>
        <translation>还没有标签。请在“标签”面板中创建标签，并在阅读器中标注片段；此表随后会显示哪些标签一同出现。</translation>
    </message>
    <message>
        <source>Each cell: pairs of overlapping passages, one of each tag (a passage with both tags counts once). The diagonal: the tag&apos;s passages.</source>
        <translation>每个单元格：两个标签各一个、彼此重叠的片段对（同时带有两个标签的片段计一次）。对角线：该标签的片段数。</translation>
    </message>
    <message>
        <source>Each cell: sentences holding passages of both tags. The diagonal: sentences with the tag.</source>
        <translation>每个单元格：含有两个标签片段的句子数。对角线：含有该标签的句子数。</translation>
    </message>
    <message>
        <source>Each cell: paragraphs holding passages of both tags. The diagonal: paragraphs with the tag.</source>
        <translation>每个单元格：含有两个标签片段的段落数。对角线：含有该标签的段落数。</translation>
    </message>
    <message>
        <source>Each cell: articles with passages of both tags. The diagonal: articles with the tag.</source>
        <translation>每个单元格：含有两个标签片段的文章数。对角线：含有该标签的文章数。</translation>
    </message>
    <message>
        <source>Click a cell to list its passages.</source>
        <translation>点击单元格可列出其片段。</translation>
    </message>
    <message>
        <source>co-occurrence</source>
        <translation>共现</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Done; no annotations were affected.</source>
        <translation>已完成；没有标注受影响。</translation>
    </message>
    <message>
        <source>Annotations: %1 stayed, %2 moved, %3 re-anchored, %4 orphaned</source>
        <translation>标注：%1 个原位保留，%2 个移动，%3 个重新定位，%4 个成为孤立标注</translation>
    </message>
    <message>
        <source> (Article ▸ Orphaned Annotations…)</source>
        <translation>（文章 ▸ 孤立标注…）</translation>
    </message>
    <message>
        <source>Include Again</source>
        <translation>重新纳入</translation>
    </message>
    <message>
        <source>Exclude from Search and Export</source>
        <translation>从检索和导出中排除</translation>
    </message>
    <message>
        <source>Exclude %1 Articles</source>
        <translation>排除 %1 篇文章</translation>
    </message>
    <message>
        <source>Set This Line Aside as Boilerplate</source>
        <translation>将此行列为无关行</translation>
    </message>
    <message>
        <source>Make This Line the Title</source>
        <translation>将此行设为标题</translation>
    </message>
</context>
<context>
    <name>DeleteTagDialog</name>
    <message>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>“%1” is applied to 1 passage. What should happen to it?</source>
        <translation>“%1”已用于 1 个片段。如何处理该片段？</translation>
    </message>
    <message>
        <source>“%1” is applied to %2 passages. What should happen to them?</source>
        <translation>“%1”已用于 %2 个片段。如何处理这些片段？</translation>
    </message>
    <message>
        <source>&amp;Reassign them to:</source>
        <translation>改用以下标签(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Delete the passages</source>
        <translation>删除这些片段(&amp;D)</translation>
    </message>
    <message>
        <source>Passages that also carry other tags only lose this tag.</source>
        <translation>同时带有其他标签的片段只会去掉此标签。</translation>
    </message>
    <message>
        <source>Delete the tag “%1”? It has no passages.</source>
        <translation>删除标签“%1”？该标签没有片段。</translation>
    </message>
</context>
<context>
    <name>DictionaryDialog</name>
    <message>
        <source>User Dictionary</source>
        <translation>用户词典</translation>
    </message>
    <message>
        <source>Words listed here are kept whole when articles and queries are segmented (e.g. 湘西苗寨 instead of 湘西 | 苗寨). Articles containing a word you add or remove are re-indexed.</source>
        <translation>对文章和检索式分词时，此处列出的词保持完整（例如切分为“湘西苗寨”而非“湘西 | 苗寨”）。包含所添加或删除词语的文章将重新建立索引。</translation>
    </message>
    <message>
        <source>New word</source>
        <translation>新词</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Selected</source>
        <translation>删除所选(&amp;R)</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 个词</translation>
    </message>
    <message>
        <source>%1 words</source>
        <translation>%1 个词</translation>
    </message>
</context>
<context>
    <name>DisagreementDialog</name>
    <message>
        <source>Resolve Disagreements</source>
        <translation>处理编码分歧</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名）</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>The coder name the accepted coding is saved under.</source>
        <translation>采纳的编码以此编码员名义保存。</translation>
    </message>
    <message>
        <source>Find Disagreements</source>
        <translation>查找分歧</translation>
    </message>
    <message>
        <source>and</source>
        <translation>与</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>编码员：</translation>
    </message>
    <message>
        <source>by</source>
        <translation>按</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Consensus coder:</source>
        <translation>共识编码员：</translation>
    </message>
    <message>
        <source>Choose two coders and press Find Disagreements.</source>
        <translation>请选择两位编码员，然后点击“查找分歧”。</translation>
    </message>
    <message>
        <source>Accept A</source>
        <translation>采纳 A</translation>
    </message>
    <message>
        <source>Accept B</source>
        <translation>采纳 B</translation>
    </message>
    <message>
        <source>Accept Both</source>
        <translation>两者都采纳</translation>
    </message>
    <message>
        <source>Use Selection</source>
        <translation>采用所选文字</translation>
    </message>
    <message>
        <source>Select text in a lane: the consensus coding of this unit becomes it.</source>
        <translation>在任一栏中选择文字：此单元的共识编码即为所选范围。</translation>
    </message>
    <message>
        <source>Choose two different coders.</source>
        <translation>请选择两位不同的编码员。</translation>
    </message>
    <message>
        <source>Looking for disagreements…</source>
        <translation>正在查找分歧…</translation>
    </message>
    <message>
        <source>%1 disagreement(s); %2 with a consensus coding so far.</source>
        <translation>共 %1 处分歧；其中 %2 处已有共识编码。</translation>
    </message>
    <message>
        <source>No disagreements: the two coders coded every unit alike.</source>
        <translation>没有分歧：两位编码员对每个单元的编码都相同。</translation>
    </message>
    <message>
        <source>“%1” — %2, characters %3–%4</source>
        <translation>“%1”—%2，第 %3–%4 字</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A：%1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>Consensus: %1</source>
        <translation>共识：%1</translation>
    </message>
    <message>
        <source>Select the text the consensus coding should cover.</source>
        <translation>请选择共识编码应覆盖的文字。</translation>
    </message>
</context>
<context>
    <name>Disagreements</name>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <source>coded</source>
        <translation>已编码</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>%1 picture source(s): hnreader holds text only</source>
        <translation>%1 个图片来源：hnreader 只保存文本</translation>
    </message>
    <message>
        <source>%1 PDF source(s): hnreader holds text only</source>
        <translation>%1 个 PDF 来源：hnreader 只保存文本</translation>
    </message>
    <message>
        <source>%1 audio source(s) and their transcripts</source>
        <translation>%1 个音频来源及其转录</translation>
    </message>
    <message>
        <source>%1 video source(s) and their transcripts</source>
        <translation>%1 个视频来源及其转录</translation>
    </message>
    <message>
        <source>%1 text source(s) without plain text in the file (rich text only, or a file outside the archive)</source>
        <translation>%1 个文本来源在文件中没有纯文本（只有富文本，或文件在压缩包之外）</translation>
    </message>
    <message>
        <source>%1 coded area(s) of pictures, PDFs, audio or video</source>
        <translation>%1 处图片、PDF、音频或视频中的编码区域</translation>
    </message>
    <message>
        <source>%1 selection(s) outside their source&apos;s text</source>
        <translation>%1 个选段超出了来源文本的范围</translation>
    </message>
    <message>
        <source>%1 selection(s) or coding(s) without a code of the file</source>
        <translation>%1 个选段或编码没有对应文件中的代码</translation>
    </message>
    <message>
        <source>%1 variable(s) of a type kept as text</source>
        <translation>%1 个变量的类型按文本保存</translation>
    </message>
    <message>
        <source>%1 case(s): hnreader has no cases</source>
        <translation>%1 个个案：hnreader 没有个案</translation>
    </message>
    <message>
        <source>%1 set(s): hnreader has no sets</source>
        <translation>%1 个集合：hnreader 没有集合</translation>
    </message>
    <message>
        <source>%1 link(s) between items</source>
        <translation>%1 个条目之间的链接</translation>
    </message>
    <message>
        <source>%1 graph(s)</source>
        <translation>%1 个图</translation>
    </message>
    <message>
        <source>%1 code(s) renamed: their name was taken or held “/”</source>
        <translation>%1 个代码已改名：名称已被占用或含有“/”</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如：%1</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>Export a REFI-QDA project</source>
        <translation>导出 REFI-QDA 项目</translation>
    </message>
    <message>
        <source>REFI-QDA project (*.qdpx)</source>
        <translation>REFI-QDA 项目 (*.qdpx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Wrote %1
%2 article(s), %3 tag(s), %4 annotation(s), %5 memo(s), %6 coder(s).</source>
        <translation>已写入 %1
%2 篇文章，%3 个标签，%4 条标注，%5 条备忘，%6 位编码员。</translation>
    </message>
    <message>
        <source>Export the codebook</source>
        <translation>导出编码本</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA 编码本 (*.qdc)</translation>
    </message>
    <message>
        <source>Wrote %1
%2 tag(s).</source>
        <translation>已写入 %1
%2 个标签。</translation>
    </message>
    <message>
        <source>Import a REFI-QDA project or codebook</source>
        <translation>导入 REFI-QDA 项目或编码本</translation>
    </message>
    <message>
        <source>REFI-QDA files (*.qdpx *.qdc);;REFI-QDA project (*.qdpx);;REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA 文件 (*.qdpx *.qdc);;REFI-QDA 项目 (*.qdpx);;REFI-QDA 编码本 (*.qdc)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>ExchangeReportDialog</name>
    <message>
        <source>REFI-QDA import finished</source>
        <translation>REFI-QDA 导入完成</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <source>written by %1</source>
        <translation>由 %1 生成</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>New tags</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>Codes matched to existing tags</source>
        <translation>对应到已有标签的代码</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>备忘</translation>
    </message>
    <message>
        <source>Variable values</source>
        <translation>变量值</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>编码员</translation>
    </message>
    <message>
        <source>Not carried over as it was:</source>
        <translation>未能原样导入：</translation>
    </message>
    <message>
        <source>Everything in the file was carried over.</source>
        <translation>文件中的全部内容都已导入。</translation>
    </message>
    <message>
        <source>Edit ▸ Undo removes the whole import.</source>
        <translation>“编辑 ▸ 撤销”可撤销整个导入。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export tagged passages</source>
        <translation>导出已标注片段</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>全部文章</translation>
    </message>
    <message>
        <source>Only the current article: %1</source>
        <translation>仅当前文章：%1</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>全部编码员</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（未署名）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Also export the figures table (…_figures.csv)</source>
        <translation>同时导出数字表（…_figures.csv）</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <source>Coder:</source>
        <translation>编码员：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be written.</source>
        <translation>
            <numerusform>将写入 %n 行。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FigureTableModel</name>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>percentage points</source>
        <translation>百分点</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>time</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>体积</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>已标注</translation>
    </message>
    <message>
        <source>Approximate: %1</source>
        <translation>约数：%1</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Whole corpus</source>
        <translation>整个语料库</translation>
    </message>
    <message>
        <source>List the figures of every article</source>
        <translation>列出所有文章中的数字</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Tag Figure…</source>
        <translation>标注数字…</translation>
    </message>
    <message>
        <source>Tag the selected figure (a figure annotation)</source>
        <translation>为所选数字加标签（生成数字批注）</translation>
    </message>
    <message>
        <source>1 figure</source>
        <translation>1 个数字</translation>
    </message>
    <message>
        <source>%1 figures</source>
        <translation>%1 个数字</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No tags yet</source>
        <translation>尚无标签</translation>
    </message>
</context>
<context>
    <name>GiveYear</name>
    <message>
        <source>Give Dates a Year</source>
        <translation>为日期补上年份</translation>
    </message>
    <message>
        <source>Every dated article of %1 has its year already.</source>
        <translation>%1 中有日期的文章都已有年份。</translation>
    </message>
    <message>
        <source>%1 article(s) of %2 have a date without its year (such as 5月24日).
Which year are they from?</source>
        <translation>%2 中有 %1 篇文章的日期没有年份（例如 5月24日）。
它们是哪一年的？</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等另外 %1 项</translation>
    </message>
    <message>
        <source>Importing: %1</source>
        <translation>导入：%1</translation>
    </message>
    <message>
        <source>Select an article to see the lines it would set aside.</source>
        <translation>选择一篇文章，查看它会剔除哪些行。</translation>
    </message>
    <message>
        <source>Preview (nothing is imported yet):</source>
        <translation>预览（尚未导入任何内容）：</translation>
    </message>
    <message>
        <source>Reading the first files…</source>
        <translation>正在读取前几个文件…</translation>
    </message>
    <message>
        <source>%1 article(s) in the first %2 of %3 file(s)</source>
        <translation>%3 个文件中的前 %2 个共有 %1 篇文章</translation>
    </message>
    <message>
        <source>; %1 file(s) would be skipped</source>
        <translation>；%1 个文件将被跳过</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message>
        <source>No lines would be set aside from this article.</source>
        <translation>这篇文章不会剔除任何行。</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <source>News files</source>
        <translation>新闻文件</translation>
    </message>
    <message>
        <source>Text files</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <source>Web pages</source>
        <translation>网页</translation>
    </message>
    <message>
        <source>Word documents</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Record files</source>
        <translation>记录文件</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Import a folder of news files</source>
        <translation>导入新闻文件夹</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Changed files</source>
        <translation>文件已更改</translation>
    </message>
    <message>
        <source>%1 file(s) changed since they were imported. Import the new versions as second copies? The annotations stay on the versions already imported.</source>
        <translation>有 %1 个文件在导入后被修改过。要把新版本作为第二份副本导入吗？已有的标注仍留在先前导入的版本上。</translation>
    </message>
    <message>
        <source>Added %1 article(s) from %2 file(s).</source>
        <translation>已从 %2 个文件中添加 %1 篇文章。</translation>
    </message>
    <message>
        <source>The import was cancelled; files not yet imported were left out.</source>
        <translation>导入已取消；尚未导入的文件未被添加。</translation>
    </message>
    <message>
        <source>Imported in part:</source>
        <translation>部分导入：</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>已跳过：</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 个</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Updating the search index…</source>
        <translation>正在更新检索索引…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Wrote %1 row(s) to
%2</source>
        <translation>已将 %1 行写入
%2</translation>
    </message>
    <message>
        <source>Figures: %1</source>
        <translation>数字表：%1</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>ImportOptionsForm</name>
    <message>
        <source>Automatic (hnreader decides)</source>
        <translation>自动（由 hnreader 判断）</translation>
    </message>
    <message>
        <source>One article per file</source>
        <translation>每个文件一篇文章</translation>
    </message>
    <message>
        <source>At headings (# … and 一、…)</source>
        <translation>按标题（# … 和 一、…）</translation>
    </message>
    <message>
        <source>At lines matching a pattern</source>
        <translation>按匹配正则表达式的行</translation>
    </message>
    <message>
        <source>Regular expression, e.g. ^第.+期</source>
        <translation>正则表达式，例如 ^第.+期</translation>
    </message>
    <message>
        <source>From the files</source>
        <translation>取自文件</translation>
    </message>
    <message>
        <source>The year of dates that give none (5月24日)</source>
        <translation>没有年份的日期（5月24日）所用的年份</translation>
    </message>
    <message>
        <source>As the files say</source>
        <translation>按文件所写</translation>
    </message>
    <message>
        <source>e.g. region=衡阳, section=要闻</source>
        <translation>例如 region=衡阳, section=要闻</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>How text files are decoded</source>
        <translation>文本文件的解码方式</translation>
    </message>
    <message>
        <source>Split into articles:</source>
        <translation>切分文章：</translation>
    </message>
    <message>
        <source>Default year:</source>
        <translation>默认年份：</translation>
    </message>
    <message>
        <source>Publication:</source>
        <translation>报刊：</translation>
    </message>
    <message>
        <source>Variables:</source>
        <translation>变量：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
</context>
<context>
    <name>ImportWording</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>无法读取 %1：没有权限。</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 不是可以读取的文件。</translation>
    </message>
    <message>
        <source>%1 is too large to import (%2 MB; the limit is %3 MB). Split it into smaller files.</source>
        <translation>%1 太大，无法导入（%2 MB，上限为 %3 MB）。请把它拆分成较小的文件。</translation>
    </message>
    <message>
        <source>%1 holds no article text.</source>
        <translation>%1 中没有文章正文。</translation>
    </message>
    <message>
        <source>%1 is not a text file (it holds binary data).</source>
        <translation>%1 不是文本文件（其中含有二进制数据）。</translation>
    </message>
    <message>
        <source>The text encoding of %1 cannot be told for sure. Save it as UTF-8 and import it again.</source>
        <translation>无法确定 %1 的文字编码。请把它另存为 UTF-8 后重新导入。</translation>
    </message>
    <message>
        <source>%1: files of this kind cannot be imported. hnreader imports .txt, web pages (.html, .mhtml), Word (.docx), tables (.csv, .tsv, .xlsx) and records (.jsonl, .json, .xml).</source>
        <translation>%1：无法导入这种类型的文件。hnreader 可以导入 .txt、网页（.html、.mhtml）、Word（.docx）、表格（.csv、.tsv、.xlsx）和记录文件（.jsonl、.json、.xml）。</translation>
    </message>
    <message>
        <source>%1 is in an old Office format that cannot be read. Open it in Office, WPS or LibreOffice, save it as %2 and import that file.</source>
        <translation>%1 是无法读取的旧版 Office 格式。请用 Office、WPS 或 LibreOffice 打开，另存为 %2，再导入该文件。</translation>
    </message>
    <message>
        <source>%1 is not what its name says (it is named %2 but is %3). Give it the right extension, or save it again in the program that made it.</source>
        <translation>%1 的内容与文件名不符（扩展名为 %2，实际是 %3）。请改用正确的扩展名，或用生成它的程序重新保存。</translation>
    </message>
    <message>
        <source>%1 is damaged. Open it in Office, WPS or LibreOffice, which may repair it, save it again and import the saved file.</source>
        <translation>%1 已损坏。请用 Office、WPS 或 LibreOffice 打开（它们可能会修复文件），重新保存后导入保存的文件。</translation>
    </message>
    <message>
        <source>%1 would expand to more than %2 MB when read, so it was not imported: it is damaged or made to exhaust memory.</source>
        <translation>%1 读取时会膨胀到 %2 MB 以上，因此没有导入：它已损坏，或者是为耗尽内存而制作的。</translation>
    </message>
    <message>
        <source>%1 declares XML entities, which can expand without limit, so it was not imported.</source>
        <translation>%1 声明了可以无限膨胀的 XML 实体，因此没有导入。</translation>
    </message>
    <message>
        <source>%1 cannot be read as it is. Check the file, or save it again from the program that made it.</source>
        <translation>无法按原样读取 %1。请检查该文件，或用生成它的程序重新保存。</translation>
    </message>
    <message>
        <source>%1 has no column of article text. Its columns are: %2. Name the text column 正文, 内容, text or content, or import the file on the command line with --map text=COLUMN.</source>
        <translation>%1 中没有文章正文列。它的列为：%2。请把正文所在的列命名为“正文”“内容”、text 或 content，或者在命令行中用 --map text=列名 导入该文件。</translation>
    </message>
    <message>
        <source>%1 has no column %2. Its columns are: %3.</source>
        <translation>%1 中没有名为 %2 的列。它的列为：%3。</translation>
    </message>
    <message>
        <source>%1 is already in the project (the same text as %2).</source>
        <translation>%1 已在项目中（与 %2 的文本相同）。</translation>
    </message>
    <message>
        <source>%1 changed since it was imported on %2; it was not imported again, so its annotations stay where they are.</source>
        <translation>%1 自 %2 导入后已被修改；没有再次导入，因此它的标注保持不变。</translation>
    </message>
    <message>
        <source>%1 row(s)</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1 line(s)</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1 record(s)</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>第 %1 条记录</translation>
    </message>
    <message>
        <source>%1: %2 without text were left out (%3); the rest was imported.</source>
        <translation>%1：有 %2没有正文，已略去（%3）；其余内容已导入。</translation>
    </message>
    <message>
        <source>%1: %2 were damaged (not valid JSON) and were read field by field (%3); check them in the reader.</source>
        <translation>%1：%2 已损坏（不是有效的 JSON），已逐个字段读取（%3）；请在阅读器中核对。</translation>
    </message>
    <message>
        <source>%1: %2 could not be read and were left out (%3); the rest was imported.</source>
        <translation>%1：有 %2无法读取，已略去（%3）；其余内容已导入。</translation>
    </message>
    <message>
        <source>%1: sheet %2 has no column of article text and was left out.</source>
        <translation>%1：工作表 %2 中没有文章正文列，已略去。</translation>
    </message>
</context>
<context>
    <name>IndicatorNamesDialog</name>
    <message>
        <source>Indicator Names</source>
        <translation>指标名</translation>
    </message>
    <message>
        <source>This project&apos;s own indicator names. The ledger looks for them before figures, as it does for the names of the shipped dictionary (%1: one indicator a line; edit it to change them for every project).</source>
        <translation>本项目自己的指标名。台账会在数字前查找这些名称，与随软件提供的词典中的名称一样（%1：每行一个指标；编辑该文件可改变所有项目使用的名称）。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add Indicator Name</source>
        <translation>添加指标名</translation>
    </message>
    <message>
        <source>Name in the text:</source>
        <translation>文中的名称：</translation>
    </message>
    <message>
        <source>The indicator it is a name of (leave as is for a new indicator):</source>
        <translation>它是哪个指标的名称（新指标请保持不变）：</translation>
    </message>
</context>
<context>
    <name>KeynessModel</name>
    <message>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Freq. A</source>
        <translation>A 频次</translation>
    </message>
    <message>
        <source>Freq. B</source>
        <translation>B 频次</translation>
    </message>
    <message>
        <source>Per 10,000 A</source>
        <translation>A 每万词</translation>
    </message>
    <message>
        <source>Per 10,000 B</source>
        <translation>B 每万词</translation>
    </message>
    <message>
        <source>Log-likelihood</source>
        <translation>对数似然</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>Log ratio</source>
        <translation>对数比</translation>
    </message>
</context>
<context>
    <name>KeynessTab</name>
    <message>
        <source>B is the whole corpus</source>
        <translation>B 为整个语料库</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Blue rows are more frequent in A, orange rows in B. Log-likelihood above 3.84 means p &lt; 0.05, above 10.83 p &lt; 0.001; log ratio is the binary log of how many times more frequent (1 = twice, 2 = four times). Double-click a word to see it in context.</source>
        <translation>蓝色的词在 A 中更常见，橙色的词在 B 中更常见。对数似然大于 3.84 表示 p &lt; 0.05，大于 10.83 表示 p &lt; 0.001；对数比是相对频率之比的以 2 为底的对数（1 = 两倍，2 = 四倍）。双击一个词可查看其语境。</translation>
    </message>
    <message>
        <source>Choose subset A (dates, a tag) to compare with B or the whole corpus.</source>
        <translation>选择子集 A（日期、标签），与 B 或整个语料库比较。</translation>
    </message>
    <message>
        <source>No word passes the filters in A or B.</source>
        <translation>A 和 B 中都没有符合筛选条件的词。</translation>
    </message>
    <message>
        <source>A: %1 running words in %2 articles · B: %3 in %4</source>
        <translation>A：%2 篇文章共 %1 词 · B：%4 篇共 %3 词</translation>
    </message>
    <message>
        <source>keyness</source>
        <translation>主题词</translation>
    </message>
</context>
<context>
    <name>KwicTableModel</name>
    <message>
        <source>In</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Left context</source>
        <translation>左语境</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Right context</source>
        <translation>右语境</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Sorts by the words nearest the hit</source>
        <translation>按最靠近命中处的词排序</translation>
    </message>
    <message>
        <source>Where a hit outside the article text is: title, kicker or byline</source>
        <translation>正文之外的命中所在之处：标题、引题或署名</translation>
    </message>
    <message>
        <source>whole word</source>
        <translation>完整词</translation>
    </message>
    <message>
        <source>part of a longer word</source>
        <translation>较长词语的一部分</translation>
    </message>
    <message>
        <source>across words</source>
        <translation>跨越词语边界</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>In the title (not taggable)</source>
        <translation>位于标题（不可标注）</translation>
    </message>
    <message>
        <source>In the kicker (not taggable)</source>
        <translation>位于引题（不可标注）</translation>
    </message>
    <message>
        <source>In the byline (not taggable)</source>
        <translation>位于署名（不可标注）</translation>
    </message>
</context>
<context>
    <name>LedgerEntryModel</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值数</translation>
    </message>
    <message>
        <source>Stated as</source>
        <translation>所报数值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>A name guessed from the words before the figures (not in the indicator dictionary): add it as an indicator name or merge it into one</source>
        <translation>由数字前的词语推测出的名称（不在指标词典中）：可将其加为指标名，或合并到某个指标</translation>
    </message>
</context>
<context>
    <name>LedgerModels</name>
    <message>
        <source>⚠ Conflict</source>
        <translation>⚠ 数值冲突</translation>
    </message>
    <message>
        <source>✓ Value marked correct</source>
        <translation>✓ 已标出正确值</translation>
    </message>
    <message>
        <source>✓ Confirmed</source>
        <translation>✓ 已确认</translation>
    </message>
    <message>
        <source>dictionary</source>
        <translation>词典</translation>
    </message>
    <message>
        <source>project&apos;s name</source>
        <translation>项目自定义</translation>
    </message>
    <message>
        <source>guessed</source>
        <translation>推测</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>句中</translation>
    </message>
    <message>
        <source>dateline</source>
        <translation>电头</translation>
    </message>
    <message>
        <source>article</source>
        <translation>全文</translation>
    </message>
    <message>
        <source>year before it</source>
        <translation>数值前的年份</translation>
    </message>
    <message>
        <source>relative year</source>
        <translation>相对年份</translation>
    </message>
</context>
<context>
    <name>LedgerValueModel</name>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Found as</source>
        <translation>指标原文</translation>
    </message>
    <message>
        <source>Place from</source>
        <translation>地区来源</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>时期来源</translation>
    </message>
    <message>
        <source>Disagrees with another value of this entry; values with the same letter agree with each other</source>
        <translation>与本条目的其他数值不一致；字母相同的数值彼此一致</translation>
    </message>
    <message>
        <source>Marked as the correct value</source>
        <translation>已标为正确值</translation>
    </message>
</context>
<context>
    <name>LedgerWindow</name>
    <message>
        <source>Statistics Ledger — %1</source>
        <translation>统计台账 — %1</translation>
    </message>
    <message>
        <source>Filter indicators, places, periods…</source>
        <translation>筛选指标、地区、时期…</translation>
    </message>
    <message>
        <source>Only conflicts</source>
        <translation>仅显示冲突</translation>
    </message>
    <message>
        <source>Entries whose values disagree. Values agree when the more precise one, rounded or cut to the last digit of the other, gives the other (747万 and 747.6万 agree; 747万 and 767万 do not); a value written with 约, 近, 多… agrees within 10%.</source>
        <translation>数值互相矛盾的条目。把较精确的数值按另一数值的末位四舍五入或截去后与之相同，即视为一致（747万与747.6万一致；747万与767万不一致）；带“约、近、多”等字样的数值在10%以内视为一致。</translation>
    </message>
    <message>
        <source>Guessed indicators</source>
        <translation>推测的指标</translation>
    </message>
    <message>
        <source>Also list names guessed from the words before a figure (marked ?)</source>
        <translation>也列出由数字前的词语推测出的名称（标有 ?）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Indicator Names…</source>
        <translation>指标名…</translation>
    </message>
    <message>
        <source>The project&apos;s own indicator names, besides the shipped dictionary</source>
        <translation>本项目自己的指标名（在随软件提供的词典之外）</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Read every article&apos;s figures again</source>
        <translation>重新读取所有文章的数字</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Merge Indicator Into…</source>
        <translation>合并指标到…</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>加入词典</translation>
    </message>
    <message>
        <source>Make this guessed name an indicator of the project&apos;s dictionary</source>
        <translation>把这个推测出的名称加为本项目词典中的指标</translation>
    </message>
    <message>
        <source>Tag Figures…</source>
        <translation>为数字加标签…</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>条目：</translation>
    </message>
    <message>
        <source>Mark as Correct</source>
        <translation>标为正确值</translation>
    </message>
    <message>
        <source>Open in Reader</source>
        <translation>在阅读器中打开</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 of %2 entries · %3 in conflict · %4 of %5 figures have an indicator</source>
        <translation>%2 个条目中显示 %1 个 · %3 个有冲突 · %5 个数字中 %4 个有指标</translation>
    </message>
    <message>
        <source>Unconfirm</source>
        <translation>取消确认</translation>
    </message>
    <message>
        <source>Clear Mark</source>
        <translation>清除标记</translation>
    </message>
    <message>
        <source>%1 value(s) from %2 article(s); double-click one to read it</source>
        <translation>%1 个数值，来自 %2 篇文章；双击可阅读原文</translation>
    </message>
    <message>
        <source>Merge Indicator</source>
        <translation>合并指标</translation>
    </message>
    <message>
        <source>Show the entries of “%1” as (choose or type a name):</source>
        <translation>把“%1”的条目显示为（选择或输入名称）：</translation>
    </message>
    <message>
        <source>These figures have that tag already.</source>
        <translation>这些数字已有该标签。</translation>
    </message>
    <message>
        <source>Reading the figures of every article…</source>
        <translation>正在读取所有文章的数字…</translation>
    </message>
    <message>
        <source>Export Ledger</source>
        <translation>导出台账</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n value(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个数值写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The ledger could not be built: %1</source>
        <translation>无法生成台账：%1</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Filter by title, source, reporter or date</source>
        <translation>按标题、来源、记者或日期筛选</translation>
    </message>
    <message>
        <source>Words separated by spaces must all occur (Esc clears, Enter opens the first)</source>
        <translation>以空格分隔的词须全部出现（Esc 清除，Enter 打开第一篇）</translation>
    </message>
    <message>
        <source>Show excluded</source>
        <translation>显示已排除</translation>
    </message>
    <message>
        <source>List the articles left out of search, counts, analysis and export</source>
        <translation>列出不参与检索、计数、分析和导出的文章</translation>
    </message>
    <message>
        <source>Tagged</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Article Details…</source>
        <translation>文章详情…</translation>
    </message>
    <message>
        <source>Mark as Unread</source>
        <translation>标为未读</translation>
    </message>
    <message>
        <source>Mark as Read</source>
        <translation>标为已读</translation>
    </message>
    <message>
        <source>Copy Title</source>
        <translation>复制标题</translation>
    </message>
    <message>
        <source>Set Variable…</source>
        <translation>设置变量…</translation>
    </message>
    <message>
        <source>Delete Article…</source>
        <translation>删除文章…</translation>
    </message>
    <message>
        <source>Delete “%1” and its %2 annotation(s) from the project? Edit ▸ Undo brings it back; its source file keeps the text.</source>
        <translation>从项目中删除“%1”及其 %2 条标注？编辑 ▸ 撤销可以恢复；其源文件仍保留原文。</translation>
    </message>
    <message>
        <source>Delete Article</source>
        <translation>删除文章</translation>
    </message>
    <message>
        <source>Listing %1 articles…</source>
        <translation>正在列出 %1 篇文章…</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 篇文章</translation>
    </message>
    <message>
        <source>%1 articles</source>
        <translation>%1 篇文章</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — hnreader</source>
        <translation>%1 — hnreader</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Annotations of this article</source>
        <translation>本文批注</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>文中数字</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>导出为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>REFI-QDA &amp;Project (.qdpx)…</source>
        <translation>REFI-QDA 项目(&amp;P) (.qdpx)…</translation>
    </message>
    <message>
        <source>REFI-QDA &amp;Codebook (.qdc)…</source>
        <translation>REFI-QDA 编码本(&amp;C) (.qdc)…</translation>
    </message>
    <message>
        <source>Import &amp;REFI-QDA…</source>
        <translation>导入 REFI-QDA(&amp;R)…</translation>
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
        <source>&amp;Tag Selection…</source>
        <translation>标注所选内容(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Next Hit</source>
        <translation>下一处命中</translation>
    </message>
    <message>
        <source>Previous Hit</source>
        <translation>上一处命中</translation>
    </message>
    <message>
        <source>User &amp;Dictionary…</source>
        <translation>用户词典(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>Article &amp;Details…</source>
        <translation>文章详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Give Dates a &amp;Year…</source>
        <translation>为日期补上年份(&amp;Y)…</translation>
    </message>
    <message>
        <source>Give the dates of this article&apos;s file that have no year (5月24日) their year</source>
        <translation>为本文所在文件中没有年份的日期（如 5月24日）补上年份</translation>
    </message>
    <message>
        <source>&amp;Split Article at Cursor</source>
        <translation>在光标处拆分文章(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Merge with Next Article</source>
        <translation>与下一篇文章合并(&amp;M)</translation>
    </message>
    <message>
        <source>Re-import File with Other Split…</source>
        <translation>以其他切分方式重新导入文件…</translation>
    </message>
    <message>
        <source>&amp;Orphaned Annotations…</source>
        <translation>孤立标注(&amp;O)…</translation>
    </message>
    <message>
        <source>Show &amp;Removed Lines</source>
        <translation>显示已剔除的行(&amp;R)</translation>
    </message>
    <message>
        <source>Show &amp;Word Segmentation</source>
        <translation>显示分词(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;nap to Words</source>
        <translation>吸附到整词(&amp;N)</translation>
    </message>
    <message>
        <source>Selections widen to whole words. Turn off to select single characters, or hold Ctrl+Alt (or Alt) while dragging.</source>
        <translation>选区会扩展到整个词。关闭此项可选择单个字符，或拖动时按住 Ctrl+Alt（或 Alt）。</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Retrieve Coded Passages…</source>
        <translation>检索已编码片段(&amp;R)…</translation>
    </message>
    <message>
        <source>Code &amp;Matrix…</source>
        <translation>编码矩阵(&amp;M)…</translation>
    </message>
    <message>
        <source>Tag &amp;Co-occurrence…</source>
        <translation>标签共现(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Trends and Charts…</source>
        <translation>趋势与图表(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Merge Coding from Project…</source>
        <translation>从其他项目合并编码(&amp;M)…</translation>
    </message>
    <message>
        <source>Export Coder &amp;Package…</source>
        <translation>导出编码员工作包(&amp;P)…</translation>
    </message>
    <message>
        <source>Statistics &amp;Ledger…</source>
        <translation>统计台账(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Word List…</source>
        <translation>词表(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Keyness…</source>
        <translation>主题词(&amp;K)…</translation>
    </message>
    <message>
        <source>C&amp;ollocates…</source>
        <translation>搭配词(&amp;O)…</translation>
    </message>
    <message>
        <source>Coder &amp;Agreement…</source>
        <translation>编码员一致性(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Resolve Disagreements…</source>
        <translation>处理编码分歧(&amp;R)…</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About hnreader</source>
        <translation>关于 hnreader(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>A&amp;nalyse</source>
        <translation>分析(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
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
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Please wait for the running task to finish or cancel it.</source>
        <translation>请等待当前任务完成，或将其取消。</translation>
    </message>
    <message>
        <source>%1 articles · %2</source>
        <translation>%1 篇文章 · %2</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <source>Figure “%1”: %2 %3 (%4). Press 1–9 or Ctrl+T to tag it.</source>
        <translation>数字“%1”：%2 %3（%4）。按 1–9 或 Ctrl+T 为其加标签。</translation>
    </message>
    <message>
        <source>No tag is pinned to %1</source>
        <translation>数字键 %1 未绑定标签</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>This could not be done; nothing was changed.</source>
        <translation>无法完成此操作，未做任何更改。</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>hnreader projects (*.sqlite)</source>
        <translation>hnreader 项目 (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists; use Open Project to open it.</source>
        <translation>%1 已存在；请用“打开项目”打开它。</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>hnreader projects (*.sqlite);;All files (*)</source>
        <translation>hnreader 项目 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Merge Coding from Project</source>
        <translation>从其他项目合并编码</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <source>Passages</source>
        <translation>片段数</translation>
    </message>
    <message>
        <source>Present (0/1)</source>
        <translation>有无（0/1）</translation>
    </message>
    <message>
        <source>Share of characters coded</source>
        <translation>已编码字符占比</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>This Table…</source>
        <translation>此表格…</translation>
    </message>
    <message>
        <source>0/1 Article × Tag Table…</source>
        <translation>0/1 文章 × 标签表…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Each article</source>
        <translation>每篇文章</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>刊物</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Variable: %1</source>
        <translation>变量：%1</translation>
    </message>
    <message>
        <source>There are no tags yet. Create tags in the Tags panel and tag passages in the reader; this matrix then counts them per article or group.</source>
        <translation>还没有标签。请在“标签”面板中创建标签，并在阅读器中标注片段；此矩阵随后会按文章或分组统计它们。</translation>
    </message>
    <message>
        <source>No article matches the dates and filters above.</source>
        <translation>没有文章符合上面的日期和筛选条件。</translation>
    </message>
    <message>
        <source>%1 tags × %2 columns, %3 articles</source>
        <translation>%1 个标签 × %2 列，%3 篇文章</translation>
    </message>
    <message>
        <source>(no publication)</source>
        <translation>（无刊物）</translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation>（无日期）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n article(s)</source>
        <translation>
            <numerusform>%1：%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <source>code-matrix</source>
        <translation>编码矩阵</translation>
    </message>
    <message>
        <source>articles-by-tag</source>
        <translation>文章-标签表</translation>
    </message>
</context>
<context>
    <name>MemoModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <source>On</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备忘</translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message>
        <source>Search memos</source>
        <translation>搜索备忘录</translation>
    </message>
    <message>
        <source>All memos</source>
        <translation>全部备忘录</translation>
    </message>
    <message>
        <source>This article</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>On tags</source>
        <translation>标签备忘</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>项目日志</translation>
    </message>
    <message>
        <source>Memo on This Article…</source>
        <translation>为本文写备忘…</translation>
    </message>
    <message>
        <source>Journal Entry…</source>
        <translation>日志条目…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the memos listed to a CSV file or workbook</source>
        <translation>将列出的备忘录写入 CSV 文件或工作簿</translation>
    </message>
    <message>
        <source>No memos yet: write one on the article you read, or in the journal.</source>
        <translation>还没有备忘录：可以为正在阅读的文章写一条，或写入项目日志。</translation>
    </message>
    <message>
        <source>Tag %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>Memo on Article</source>
        <translation>文章备忘</translation>
    </message>
    <message>
        <source>Journal Entry</source>
        <translation>日志条目</translation>
    </message>
    <message>
        <source>The project&apos;s journal</source>
        <translation>项目日志</translation>
    </message>
    <message>
        <source>Edit Memo</source>
        <translation>编辑备忘</translation>
    </message>
    <message>
        <source>Export Memos</source>
        <translation>导出备忘录</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Article title</source>
        <translation>文章标题</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <source>Written (UTC)</source>
        <translation>写于（UTC）</translation>
    </message>
    <message>
        <source>Changed (UTC)</source>
        <translation>修改于（UTC）</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge Coding from %1</source>
        <translation>从 %1 合并编码</translation>
    </message>
    <message>
        <source>The coding of %1 is added to this project: annotations with their coders, memos, and tags this project lacks. That file is only read. Articles are found by their text; passages of articles changed or split since are found by their quote, or listed as orphans.</source>
        <translation>%1 的编码将加入本项目：带编码员的标注、备忘录，以及本项目没有的标签。该文件只读取、不修改。文章按正文匹配；此后被修改或拆分的文章，其段落按引文重新定位，找不到的列为孤立项。</translation>
    </message>
    <message>
        <source>Tags not found here</source>
        <translation>本项目中没有的标签</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Not placed here (orphans):</source>
        <translation>未能放入本项目（孤立项）：</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>%1 was saved by an older hnreader (file format %2). A copy of it is upgraded in the temporary folder and merged from; the file itself is not changed. This can take a while for a large project.</source>
        <translation>%1 由较早版本的 hnreader 保存（文件格式 %2）。将在临时文件夹中升级它的一个副本并从副本合并；该文件本身不会被改动。大型项目可能需要一些时间。</translation>
    </message>
    <message>
        <source>New tag “%1”</source>
        <translation>新建标签“%1”</translation>
    </message>
    <message>
        <source>Onto “%1”</source>
        <translation>并入“%1”</translation>
    </message>
    <message>
        <source>Merging from %1…</source>
        <translation>正在从 %1 合并…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Articles: %1 found with the same text, %2 changed or split (passages re-anchored by quote), %3 not in this project.</source>
        <translation>文章：%1 篇正文相同，%2 篇已修改或拆分（段落按引文重新定位），%3 篇不在本项目中。</translation>
    </message>
    <message>
        <source>Tags: %1 matched, %2 mapped, %3 created.</source>
        <translation>标签：%1 个匹配，%2 个映射，%3 个新建。</translation>
    </message>
    <message>
        <source>Merged. Edit ▸ Undo takes the whole merge back in one step.</source>
        <translation>已合并。“编辑 ▸ 撤销”可一步撤回整个合并。</translation>
    </message>
    <message>
        <source>This is what the merge would do (nothing is changed yet):</source>
        <translation>合并将进行以下操作（尚未做任何修改）：</translation>
    </message>
    <message>
        <source>Nothing to merge: everything in %1 is here already.</source>
        <translation>没有可合并的内容：%1 中的一切本项目都已有。</translation>
    </message>
</context>
<context>
    <name>MergeReport</name>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>of which re-anchored</source>
        <translation>其中重新定位</translation>
    </message>
    <message>
        <source>Skipped (duplicates)</source>
        <translation>跳过（重复）</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>孤立</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>备忘录</translation>
    </message>
</context>
<context>
    <name>MergeTagDialog</name>
    <message>
        <source>Merge Tag</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Move the passages of “%1” (%2) to the tag below, then delete “%1”.</source>
        <translation>将“%1”的片段（%2 个）移至下方标签，然后删除“%1”。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>OrphanTableModel</name>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码者</translation>
    </message>
    <message>
        <source>Was on</source>
        <translation>原所在文章</translation>
    </message>
</context>
<context>
    <name>OrphansDialog</name>
    <message>
        <source>Orphaned Annotations</source>
        <translation>孤立标注</translation>
    </message>
    <message>
        <source>These annotations lost their text in a correction. Select the passage they belong to in the reader and choose Attach Here, or delete them.</source>
        <translation>这些标注的文字在一次校正中被移除了。请在阅读器中选中它们所属的段落，然后选择“附着到此处”，或将其删除。</translation>
    </message>
    <message>
        <source>No orphaned annotations.</source>
        <translation>没有孤立标注。</translation>
    </message>
    <message>
        <source>Attach Here</source>
        <translation>附着到此处</translation>
    </message>
    <message>
        <source>Attach to the text selected in the reader</source>
        <translation>附着到阅读器中选中的文字</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Select the passage in the reader first, then choose Attach Here.</source>
        <translation>请先在阅读器中选中段落，再选择“附着到此处”。</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Export Coder Package</source>
        <translation>导出编码员工作包</translation>
    </message>
    <message>
        <source>A verified copy of this project (articles, codebook, memos) for a coder to work on. Merge it back later with File ▸ Merge Coding from Project….</source>
        <translation>本项目经校验的副本（文章、编码本、备忘录），供编码员工作。之后可用“文件 ▸ 从其他项目合并编码…”合并回来。</translation>
    </message>
    <message>
        <source>Everyone&apos;s annotations</source>
        <translation>所有人的标注</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名）</translation>
    </message>
    <message>
        <source>Only the annotations of %1</source>
        <translation>仅 %1 的标注</translation>
    </message>
    <message>
        <source>Annotations:</source>
        <translation>标注：</translation>
    </message>
    <message>
        <source>hnreader projects (*.sqlite)</source>
        <translation>hnreader 项目 (*.sqlite)</translation>
    </message>
    <message>
        <source>Copying and verifying…</source>
        <translation>正在复制并校验…</translation>
    </message>
    <message>
        <source>Written and verified: %1</source>
        <translation>已写入并校验：%1</translation>
    </message>
    <message>
        <source>%1 annotation(s) of other coders left out.</source>
        <translation>已略去其他编码员的 %1 条标注。</translation>
    </message>
</context>
<context>
    <name>PairLinesModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
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
        <source>Term … collocate</source>
        <translation>节点词 … 搭配词</translation>
    </message>
    <message>
        <source>After</source>
        <translation>后文</translation>
    </message>
</context>
<context>
    <name>PassageTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
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
        <source>Passage</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>After</source>
        <translation>后文</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Your name, saved with each annotation</source>
        <translation>您的姓名，随每条批注一同保存</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Snap selections to word boundaries (hold Alt for raw characters)</source>
        <translation>选区自动对齐词边界（按住 Alt 可逐字选择）</translation>
    </message>
    <message>
        <source>A backup is made once a day, before upgrades and before large imports.</source>
        <translation>每天、升级前和大批量导入前都会自动备份。</translation>
    </message>
    <message>
        <source>A new language applies the next time hnreader starts.</source>
        <translation>新的语言将在下次启动 hnreader 时生效。</translation>
    </message>
    <message>
        <source>Coder name:</source>
        <translation>编码员姓名：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Reading font size:</source>
        <translation>阅读字号：</translation>
    </message>
    <message>
        <source>Line spacing:</source>
        <translation>行距：</translation>
    </message>
    <message>
        <source>Backups kept per project:</source>
        <translation>每个项目保留的备份数：</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>剔除行</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>将跳过：%1</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Restore from Backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Salvage into New File…</source>
        <translation>抢救到新文件…</translation>
    </message>
    <message>
        <source>%1 is damaged (%2), so it was opened read-only: you can read it, but nothing is changed or saved. Restore the newest backup, or rescue what can be read into a new file.</source>
        <translation>%1 已损坏（%2），因此以只读方式打开：可以阅读，但不会修改或保存任何内容。请恢复最新的备份，或把能读出的内容抢救到新文件。</translation>
    </message>
    <message>
        <source>%1 cannot be written (the file, its folder or the disk is read-only), so it was opened read-only: you can read and search, but not tag or edit. Copy it to a folder you can write to and open the copy.</source>
        <translation>%1 无法写入（文件、所在文件夹或磁盘是只读的），因此以只读方式打开：可以阅读和检索，但不能标注或编辑。请把它复制到可写的文件夹后打开副本。</translation>
    </message>
</context>
<context>
    <name>ReaderContextMenu</name>
    <message>
        <source>More tags</source>
        <translation>更多标签</translation>
    </message>
    <message>
        <source>Tag with…</source>
        <translation>标注为…</translation>
    </message>
    <message>
        <source>Treat as One Word</source>
        <translation>视为一个词</translation>
    </message>
    <message>
        <source>Split Article Here</source>
        <translation>在此处拆分文章</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>“%1” is now one word in this project</source>
        <translation>“%1”在本项目中现已视为一个词</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Select an article in the library</source>
        <translation>请在文库中选择一篇文章</translation>
    </message>
    <message>
        <source>Select text and press a tag’s shortcut, or Ctrl+T, to annotate it.</source>
        <translation>选中文本后按标签的快捷键或 Ctrl+T 即可批注。</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>文章正文</translation>
    </message>
    <message>
        <source>Select some text to tag first.</source>
        <translation>请先选中要标注的文本。</translation>
    </message>
    <message>
        <source>Tagged with “%1”</source>
        <translation>已标注为“%1”</translation>
    </message>
    <message>
        <source>No search hits in this article.</source>
        <translation>本文中没有检索命中。</translation>
    </message>
    <message>
        <source>Hit %1 of %2</source>
        <translation>第 %1 处命中，共 %2 处</translation>
    </message>
</context>
<context>
    <name>ReimportDialog</name>
    <message>
        <source>Re-import File</source>
        <translation>重新导入文件</translation>
    </message>
    <message>
        <source>Split “%1” again. Its articles are replaced in one step (Edit ▸ Undo brings them back); annotations follow their quotes, and those whose text is gone are kept as orphans.</source>
        <translation>重新切分“%1”。其文章将一步替换（编辑 ▸ 撤销可恢复）；标注会跟随其引文，文字已不存在的标注将保留为孤立标注。</translation>
    </message>
    <message>
        <source>Re-import</source>
        <translation>重新导入</translation>
    </message>
</context>
<context>
    <name>RemovedLinesBox</name>
    <message>
        <source>Restore This Line to the Article</source>
        <translation>将此行恢复到文章中</translation>
    </message>
    <message>
        <source>Set aside on import — not part of the article (1 line)</source>
        <translation>导入时搁置 — 不属于文章正文（1 行）</translation>
    </message>
    <message>
        <source>Set aside on import — not part of the article (%1 lines)</source>
        <translation>导入时已剔除，不属于正文（%1 行）</translation>
    </message>
    <message>
        <source>No lines were set aside from this article.</source>
        <translation>本文导入时没有剔除任何行。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose a backup to put in place of %1. The current file is kept as a backup too, so this can be undone by restoring it.</source>
        <translation>选择一个备份来替换 %1。当前文件也会先保存为备份，因此可以再恢复回来。</translation>
    </message>
    <message>
        <source>There are no backups of this project yet.</source>
        <translation>这个项目还没有备份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>RetrievalTab</name>
    <message>
        <source>Any of the tags</source>
        <translation>任一标签</translation>
    </message>
    <message>
        <source>All tags on one passage</source>
        <translation>同一片段上有全部标签</translation>
    </message>
    <message>
        <source>Overlapping passages</source>
        <translation>片段相互重叠</translation>
    </message>
    <message>
        <source>In the same sentence</source>
        <translation>在同一句中</translation>
    </message>
    <message>
        <source>In the same paragraph</source>
        <translation>在同一段中</translation>
    </message>
    <message>
        <source>In the same article</source>
        <translation>在同一篇文章中</translation>
    </message>
    <message>
        <source>With several tags: how their passages must go together to be listed</source>
        <translation>勾选多个标签时：它们的片段须如何一同出现才会列出</translation>
    </message>
    <message>
        <source>Show All Articles</source>
        <translation>显示所有文章</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Passages listed</source>
        <translation>列出的片段</translation>
    </message>
    <message numerus="yes">
        <source>Only the %n article(s) of the cell clicked</source>
        <translation>
            <numerusform>只看所点单元格的 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n 个片段</numerusform>
        </translation>
    </message>
    <message>
        <source>No passage matches. Try “Any of the tags”, include sub-tags, or widen the dates and filters above.</source>
        <translation>没有符合的片段。可试试“任一标签”、包括子标签，或放宽上面的日期和筛选条件。</translation>
    </message>
    <message>
        <source>Tick one or more tags on the left to list their passages, with their context, article and date. Double-click a passage to open it in the reader.</source>
        <translation>在左侧勾选一个或多个标签，即可列出其片段及上下文、文章和日期。双击片段可在阅读器中打开。</translation>
    </message>
    <message>
        <source>There are no tags yet. Create tags in the Tags panel and tag passages in the reader; their passages are listed here.</source>
        <translation>还没有标签。请在“标签”面板中创建标签，并在阅读器中标注片段；其片段会列在这里。</translation>
    </message>
    <message>
        <source>passages</source>
        <translation>片段</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Check Project…</source>
        <translation>检查项目(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Salvage into New File…</source>
        <translation>抢救到新文件(&amp;S)…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Please wait for the running task to finish or cancel it.</source>
        <translation>请等待当前任务完成，或将其取消。</translation>
    </message>
    <message>
        <source>Put the backup of %1 in place of the project? What was changed since then is kept only in the copy of the current file that is saved first.</source>
        <translation>用 %1 的备份替换当前项目吗？此后所做的修改只保留在事先保存的当前文件副本中。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>Restored. The replaced file was kept as %1</source>
        <translation>已恢复。被替换的文件保存为 %1</translation>
    </message>
    <message>
        <source>Checking the project…</source>
        <translation>正在检查项目…</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>检查失败</translation>
    </message>
    <message>
        <source>Check Project</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Salvage into a new project file</source>
        <translation>抢救到新的项目文件</translation>
    </message>
    <message>
        <source>hnreader projects (*.sqlite)</source>
        <translation>hnreader 项目 (*.sqlite)</translation>
    </message>
    <message>
        <source>Rescuing what can be read…</source>
        <translation>正在抢救可读取的内容…</translation>
    </message>
    <message>
        <source>Salvage failed</source>
        <translation>抢救失败</translation>
    </message>
    <message>
        <source>Salvage finished</source>
        <translation>抢救完成</translation>
    </message>
    <message>
        <source>The daily backup could not be made: %1</source>
        <translation>无法完成每日备份：%1</translation>
    </message>
    <message>
        <source>No damage was found in the project file, its links or its search index.</source>
        <translation>项目文件、数据关联和检索索引均未发现损坏。</translation>
    </message>
    <message>
        <source>The project file is damaged:
%1</source>
        <translation>项目文件已损坏：
%1</translation>
    </message>
    <message>
        <source>What could be read was copied into %1:</source>
        <translation>可读取的内容已复制到 %1：</translation>
    </message>
    <message>
        <source>(%1 lost)</source>
        <translation>（丢失 %1）</translation>
    </message>
    <message>
        <source>%1 annotation(s) could not be rescued.</source>
        <translation>有 %1 条标注无法抢救。</translation>
    </message>
    <message>
        <source>The new project opens now; its search index is rebuilt.</source>
        <translation>现在打开新项目，并重建其检索索引。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the corpus (Ctrl+F)</source>
        <translation>检索语料库 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Words separated by spaces must all occur: 扶贫 产业
&quot;a phrase&quot; is searched exactly as typed: &quot;脱贫攻坚&quot;
-word excludes articles containing it: 扶贫 -旅游
A OR B accepts either: 乡村 OR 农村
Everything else (*, :, NOT, brackets) is ordinary text.</source>
        <translation>以空格分隔的词须全部出现：扶贫 产业
&quot;短语&quot; 按输入原样精确检索：&quot;脱贫攻坚&quot;
-词 排除含该词的文章：扶贫 -旅游
A OR B 匹配任意一个：乡村 OR 农村
其他符号（*、:、NOT、括号）均视为普通文本。</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>全词匹配(&amp;W)</translation>
    </message>
    <message>
        <source>Only hits that are words of their own (扶贫 but not 扶贫办)</source>
        <translation>只保留自成一词的命中（匹配“扶贫”，不匹配“扶贫办”）</translation>
    </message>
    <message>
        <source>Search titles and &amp;bylines too</source>
        <translation>同时检索标题和署名(&amp;B)</translation>
    </message>
    <message>
        <source>Also search each article&apos;s title, kicker and byline. Their hits are marked in the first column; Tag Hits leaves them out (only article text is tagged).</source>
        <translation>同时检索每篇文章的标题、引题和署名。这些命中在第一列标出；“标注命中”会略过它们（只有正文可以标注）。</translation>
    </message>
    <message>
        <source>Tag Hits…</source>
        <translation>标注命中…</translation>
    </message>
    <message>
        <source>Tag the selected hits (or all listed hits) with their hit, clause, sentence or paragraph</source>
        <translation>为所选命中（或列出的全部命中）标注：命中词本身、所在分句、句子或段落</translation>
    </message>
    <message>
        <source>How the query is segmented into words</source>
        <translation>检索式的分词结果</translation>
    </message>
    <message>
        <source>Show More</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>List the hits of more articles (scrolling to the end of the list does too)</source>
        <translation>列出更多文章中的命中（滚动到列表末尾也会列出）</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>检索失败：%1</translation>
    </message>
    <message>
        <source>Listing the first %1 articles · counting…</source>
        <translation>仅列出前 %1 篇文章 · 正在统计总数…</translation>
    </message>
    <message>
        <source>Listing the first %1 articles</source>
        <translation>仅列出前 %1 篇文章</translation>
    </message>
    <message>
        <source>%1 hits in %2 articles</source>
        <translation>%2 篇文章中命中 %1 处</translation>
    </message>
    <message>
        <source>%1 in titles</source>
        <translation>标题 %1 处</translation>
    </message>
    <message>
        <source>%1 in kickers</source>
        <translation>引题 %1 处</translation>
    </message>
    <message>
        <source>%1 in bylines</source>
        <translation>署名 %1 处</translation>
    </message>
    <message>
        <source> · %1 (not taggable)</source>
        <translation> · 其中%1（不可标注）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>1 hit in 1 article</source>
        <translation>1 篇文章中命中 1 处</translation>
    </message>
    <message>
        <source>%1 articles · counting the hits…</source>
        <translation>%1 篇文章 · 正在统计命中数…</translation>
    </message>
    <message>
        <source>%1 hits in 1 article</source>
        <translation>1 篇文章中命中 %1 处</translation>
    </message>
    <message>
        <source> — listing the first %1 articles</source>
        <translation> — 仅列出前 %1 篇文章</translation>
    </message>
</context>
<context>
    <name>SetVariableDialog</name>
    <message>
        <source>Set Variable</source>
        <translation>设置变量</translation>
    </message>
    <message>
        <source>Give the selected article a variable&apos;s value.</source>
        <translation>为选中的文章设置一个变量的值。</translation>
    </message>
    <message>
        <source>Give the %1 selected articles a variable&apos;s value.</source>
        <translation>为选中的 %1 篇文章设置一个变量的值。</translation>
    </message>
    <message>
        <source>An empty value removes the variable. Edit ▸ Undo takes it back.</source>
        <translation>值留空则删除该变量。编辑 ▸ 撤销可以恢复。</translation>
    </message>
    <message>
        <source>e.g. region</source>
        <translation>例如 地区</translation>
    </message>
    <message>
        <source>e.g. 衡阳</source>
        <translation>例如 衡阳</translation>
    </message>
    <message>
        <source>Variable:</source>
        <translation>变量：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
</context>
<context>
    <name>StopWordsDialog</name>
    <message>
        <source>Stop Words</source>
        <translation>停用词</translation>
    </message>
    <message>
        <source>Words left out of word lists, keyness and collocates, one a line. The list starts from the one shipped with hnreader; your changes stay in this project and can be undone.</source>
        <translation>词表、主题词和搭配词中略去的词，每行一个。列表以 hnreader 自带的停用词表为基础；您的修改只保存在本项目中，并且可以撤销。</translation>
    </message>
</context>
<context>
    <name>TableFiles</name>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>TagChoiceDialog</name>
    <message>
        <source>Tags of the Annotation</source>
        <translation>批注的标签</translation>
    </message>
    <message>
        <source>An annotation keeps at least one tag.</source>
        <translation>批注至少保留一个标签。</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Edit Tag</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>New Tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>e.g. 精准扶贫</source>
        <translation>例如：精准扶贫</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>What this code means and when to apply it</source>
        <translation>该编码的含义及适用情形</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Parent:</source>
        <translation>上级标签(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>Tag Colour</source>
        <translation>标签颜色</translation>
    </message>
</context>
<context>
    <name>TagHitsDialog</name>
    <message>
        <source>Tag Search Hits</source>
        <translation>标注检索命中</translation>
    </message>
    <message>
        <source>1 hit selected.</source>
        <translation>已选 1 处命中。</translation>
    </message>
    <message>
        <source>%1 hits selected.</source>
        <translation>已选 %1 处命中。</translation>
    </message>
    <message>
        <source>1 hit in a title, kicker or byline is left out: only article text can be tagged.</source>
        <translation>另有 1 处命中位于标题、引题或署名中，已略过：只有正文可以标注。</translation>
    </message>
    <message>
        <source>%1 hits in titles, kickers or bylines are left out: only article text can be tagged.</source>
        <translation>另有 %1 处命中位于标题、引题或署名中，已略过：只有正文可以标注。</translation>
    </message>
    <message>
        <source>Choose Tag…</source>
        <translation>选择标签…</translation>
    </message>
    <message>
        <source>Type a tag name or its pinyin initials</source>
        <translation>输入标签名或其拼音首字母</translation>
    </message>
    <message>
        <source>The &amp;hit itself</source>
        <translation>命中词本身(&amp;H)</translation>
    </message>
    <message>
        <source>Its &amp;clause (up to ，；)</source>
        <translation>所在分句(&amp;C)（至 ，；）</translation>
    </message>
    <message>
        <source>Its &amp;sentence (up to 。！？)</source>
        <translation>所在句子(&amp;S)（至 。！？）</translation>
    </message>
    <message>
        <source>Its &amp;paragraph</source>
        <translation>所在段落(&amp;P)</translation>
    </message>
    <message>
        <source>Tag Passages</source>
        <translation>标注片段</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Tag with:</source>
        <translation>标注范围：</translation>
    </message>
    <message>
        <source>Choose the tag to apply.</source>
        <translation>请选择要使用的标签。</translation>
    </message>
    <message>
        <source>Tag 1 passage with %1?</source>
        <translation>将 1 个片段标注为“%1”？</translation>
    </message>
    <message>
        <source>Tag %2 passages with %1?</source>
        <translation>将 %2 个片段标注为“%1”？</translation>
    </message>
</context>
<context>
    <name>TagMatchModel</name>
    <message>
        <source>Create tag “%1”</source>
        <translation>新建标签“%1”</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>＋ New Tag</source>
        <translation>＋ 新建标签</translation>
    </message>
    <message>
        <source>Create a tag</source>
        <translation>新建一个标签</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>编码本</translation>
    </message>
    <message>
        <source>Right-click a tag → Pin to apply it with keys 1–9</source>
        <translation>右键单击标签 → 绑定到数字键，即可用 1–9 键标注</translation>
    </message>
    <message>
        <source>Description of the selected tag</source>
        <translation>所选标签的说明</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Pinned Tags</source>
        <translation>快捷键标签</translation>
    </message>
    <message>
        <source>All nine keys are taken; unpin a tag first.</source>
        <translation>九个数字键均已占用；请先解除一个标签的绑定。</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>Colour of “%1”</source>
        <translation>“%1”的颜色</translation>
    </message>
    <message>
        <source>Apply “%1” to the selection (key %2)</source>
        <translation>为所选内容标注“%1”（%2 键）</translation>
    </message>
    <message>
        <source>Passages tagged “%1” (%2)</source>
        <translation>标注为“%1”的片段（%2）</translation>
    </message>
</context>
<context>
    <name>TagPassageModel</name>
    <message>
        <source>Passage</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>Apply Tag</source>
        <translation>应用标签</translation>
    </message>
    <message>
        <source>Tag name or pinyin (e.g. jzfp)</source>
        <translation>标签名或拼音（如 jzfp）</translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to apply, Esc to cancel</source>
        <translation>↑↓ 选择，Enter 应用，Esc 取消</translation>
    </message>
    <message>
        <source>1 matching tag</source>
        <translation>1 个匹配的标签</translation>
    </message>
    <message>
        <source>%1 matching tags</source>
        <translation>%1 个匹配的标签</translation>
    </message>
    <message>
        <source>No tag matches; Enter creates it</source>
        <translation>没有匹配的标签；按 Enter 新建</translation>
    </message>
    <message>
        <source>No tag matches</source>
        <translation>没有匹配的标签</translation>
    </message>
</context>
<context>
    <name>TagTreeMenu</name>
    <message>
        <source>New Tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>New Child Tag…</source>
        <translation>新建子标签…</translation>
    </message>
    <message>
        <source>Apply to Selection</source>
        <translation>标注所选内容</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move To</source>
        <translation>移至</translation>
    </message>
    <message>
        <source>Top Level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Unpin (key %1)</source>
        <translation>解除绑定（%1 键）</translation>
    </message>
    <message>
        <source>Pin to Key</source>
        <translation>绑定到数字键</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>1 passage</source>
        <translation>1 个片段</translation>
    </message>
    <message>
        <source>%1 passages</source>
        <translation>%1 个片段</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TrendsTab</name>
    <message>
        <source>Frequency over time</source>
        <translation>随时间的频次</translation>
    </message>
    <message>
        <source>Dispersion plot</source>
        <translation>分布图</translation>
    </message>
    <message>
        <source>Passages per tag</source>
        <translation>各标签的编码片段数</translation>
    </message>
    <message>
        <source>Search terms</source>
        <translation>检索词</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>精准扶贫, 脱贫攻坚</source>
        <translation>精准扶贫，脱贫攻坚</translation>
    </message>
    <message>
        <source>One or more search terms, separated by commas; each is searched as in the Search panel</source>
        <translation>一个或多个检索词，用逗号分隔；每个词的检索方式与检索面板相同</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>仅整词</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Per 10,000 characters</source>
        <translation>每万字</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>折线</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>柱状</translation>
    </message>
    <message>
        <source>One bar per coder</source>
        <translation>每个编码者一根柱</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Chart as PNG…</source>
        <translation>图表导出为 PNG…</translation>
    </message>
    <message>
        <source>Chart as SVG…</source>
        <translation>图表导出为 SVG…</translation>
    </message>
    <message>
        <source>Data as CSV or Excel…</source>
        <translation>数据导出为 CSV 或 Excel…</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>统计对象</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>检索词</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Draw as</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Tick one or more tags: the chart counts their passages per period.</source>
        <translation>勾选一个或多个标签：图表统计其每个时段的编码片段数。</translation>
    </message>
    <message>
        <source>Type one or more search terms (separated by commas) and press Enter: the chart shows how often they occur.</source>
        <translation>输入一个或多个检索词（用逗号分隔）并按回车：图表显示它们出现的频次。</translation>
    </message>
    <message>
        <source>No dated article matches the dates and filters above.</source>
        <translation>没有符合上方日期和筛选条件的有日期文章。</translation>
    </message>
    <message>
        <source>There are no tags yet. Create tags in the Tags panel and tag passages in the reader.</source>
        <translation>还没有标签。请在标签面板中创建标签，并在阅读器中为片段加标签。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名）</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) in all</source>
        <translation>
            <numerusform>共 %n 个编码片段</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Wrote the chart to %1</source>
        <translation>图表已写入 %1</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>dispersion</source>
        <translation>分布图</translation>
    </message>
    <message>
        <source>tag-frequencies</source>
        <translation>标签频次</translation>
    </message>
</context>
<context>
    <name>UndoLabel</name>
    <message>
        <source>Tag %1 passages</source>
        <translation>标注 %1 个片段</translation>
    </message>
    <message>
        <source>Tag “%1”</source>
        <translation>标注“%1”</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Change tags</source>
        <translation>更改标签</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <source>Create tag “%1”</source>
        <translation>新建标签“%1”</translation>
    </message>
    <message>
        <source>Rename tag “%1”</source>
        <translation>重命名标签“%1”</translation>
    </message>
    <message>
        <source>Recolour tag “%1”</source>
        <translation>更改标签“%1”的颜色</translation>
    </message>
    <message>
        <source>Move tag “%1”</source>
        <translation>移动标签“%1”</translation>
    </message>
    <message>
        <source>Edit tag “%1”</source>
        <translation>编辑标签“%1”</translation>
    </message>
    <message>
        <source>Merge tag “%1” into “%2”</source>
        <translation>将标签“%1”合并到“%2”</translation>
    </message>
    <message>
        <source>Delete tag “%1”</source>
        <translation>删除标签“%1”</translation>
    </message>
    <message>
        <source>Rename article</source>
        <translation>重命名文章</translation>
    </message>
    <message>
        <source>Edit article details</source>
        <translation>编辑文章信息</translation>
    </message>
    <message>
        <source>Split “%1”</source>
        <translation>拆分“%1”</translation>
    </message>
    <message>
        <source>Merge “%1” with next</source>
        <translation>将“%1”与下一篇合并</translation>
    </message>
    <message>
        <source>Date %2 article(s) in %1</source>
        <translation>将 %2 篇文章的日期定在 %1 年</translation>
    </message>
    <message>
        <source>Delete article “%1”</source>
        <translation>删除文章“%1”</translation>
    </message>
    <message>
        <source>Set “%1” on %2 article(s)</source>
        <translation>为 %2 篇文章设置“%1”</translation>
    </message>
    <message>
        <source>Add memo</source>
        <translation>添加备忘</translation>
    </message>
    <message>
        <source>Edit memo</source>
        <translation>编辑备忘</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>删除备忘</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <source>Add word “%1”</source>
        <translation>添加词语“%1”</translation>
    </message>
    <message>
        <source>Remove word “%1”</source>
        <translation>删除词语“%1”</translation>
    </message>
    <message>
        <source>Merge coding from “%1”</source>
        <translation>从“%1”合并编码</translation>
    </message>
    <message>
        <source>Resolve a disagreement as “%1”</source>
        <translation>以“%1”处理分歧</translation>
    </message>
    <message>
        <source>Add indicator name “%1”</source>
        <translation>添加指标名“%1”</translation>
    </message>
    <message>
        <source>Remove indicator name “%1”</source>
        <translation>删除指标名“%1”</translation>
    </message>
    <message>
        <source>Merge indicator “%1” into “%2”</source>
        <translation>将指标“%1”合并到“%2”</translation>
    </message>
    <message>
        <source>Unmerge indicator “%1”</source>
        <translation>取消合并指标“%1”</translation>
    </message>
    <message>
        <source>Confirm “%1”</source>
        <translation>确认“%1”</translation>
    </message>
    <message>
        <source>Unconfirm “%1”</source>
        <translation>取消确认“%1”</translation>
    </message>
    <message>
        <source>Mark %1 correct in “%2”</source>
        <translation>在“%2”中将 %1 标为正确</translation>
    </message>
    <message>
        <source>Clear the correct value of “%1”</source>
        <translation>清除“%1”的正确值标记</translation>
    </message>
    <message>
        <source>Exclude %1 article(s)</source>
        <translation>排除 %1 篇文章</translation>
    </message>
    <message>
        <source>Include %1 article(s)</source>
        <translation>重新纳入 %1 篇文章</translation>
    </message>
    <message>
        <source>Set aside a line of “%1”</source>
        <translation>将“%1”的一行列为无关行</translation>
    </message>
    <message>
        <source>Restore a line to “%1”</source>
        <translation>将一行恢复到“%1”</translation>
    </message>
    <message>
        <source>Make “%1” the title</source>
        <translation>将“%1”设为标题</translation>
    </message>
    <message>
        <source>Re-import %1 (%2)</source>
        <translation>重新导入 %1（%2）</translation>
    </message>
    <message>
        <source>Attach “%1”</source>
        <translation>重新附着“%1”</translation>
    </message>
    <message>
        <source>Delete orphan “%1”</source>
        <translation>删除孤立标注“%1”</translation>
    </message>
    <message>
        <source>Add stop words “%1”</source>
        <translation>添加停用词“%1”</translation>
    </message>
    <message>
        <source>Remove stop words “%1”</source>
        <translation>移除停用词“%1”</translation>
    </message>
</context>
<context>
    <name>VariableFilterBar</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Show document variables as columns</source>
        <translation>将文档变量显示为列</translation>
    </message>
    <message>
        <source>Keep only the articles with this variable&apos;s value</source>
        <translation>只保留该变量取此值的文章</translation>
    </message>
    <message>
        <source>Any variable</source>
        <translation>任意变量</translation>
    </message>
    <message>
        <source>All values</source>
        <translation>所有取值</translation>
    </message>
</context>
<context>
    <name>VariablesTableModel</name>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>This project holds the bundled corpus: five news files from Hunan on poverty alleviation and rural revitalisation (2019–2021), split into articles, with their dates, bylines and figures.</source>
        <translation>本项目包含随附的语料：五个关于湖南脱贫攻坚与乡村振兴（2019–2021）的新闻文件，已拆分为文章，并带有日期、署名和数字。</translation>
    </message>
    <message>
        <source>• Your own files: File ▸ Import Files… or drop them on the window (text, web pages, Word, CSV and Excel tables, JSON). File ▸ New Project… starts an empty project.</source>
        <translation>• 您自己的文件：文件 ▸ 导入文件…，或把文件拖到窗口上（文本、网页、Word、CSV 与 Excel 表格、JSON）。文件 ▸ 新建项目… 可新建一个空项目。</translation>
    </message>
    <message>
        <source>• Search: Ctrl+F. The query is segmented into words as jieba reads the text, and every hit says whether it is a whole word.</source>
        <translation>• 搜索：Ctrl+F。查询会按 jieba 读取正文的方式分词，每个命中都会说明它是否为完整的词。</translation>
    </message>
    <message>
        <source>• Tag: make tags in the Codebook (New Tag), select text in the reader and press a tag&apos;s number 1–9 or Ctrl+T. Figures such as 747万 and 13.43% are recognised: click one to tag it.</source>
        <translation>• 标注：在编码本中新建标签，在阅读器中选中文本后按标签的数字键 1–9 或 Ctrl+T。747万、13.43% 等数字会被识别：点击即可标注。</translation>
    </message>
    <message>
        <source>• Everything is saved as you go; a verified backup is made every day. Undo (Ctrl+Z) works after a restart too.</source>
        <translation>• 所有改动即时保存；每天自动生成经过校验的备份。撤销（Ctrl+Z）在重启后依然可用。</translation>
    </message>
    <message>
        <source>Welcome to hnreader</source>
        <translation>欢迎使用 hnreader</translation>
    </message>
    <message>
        <source>e.g. 王芳</source>
        <translation>例如 王芳</translation>
    </message>
    <message>
        <source>Your name as coder:</source>
        <translation>您的编码员姓名：</translation>
    </message>
    <message>
        <source>It is saved with each of your annotations (team work compares coders), and the command line uses it too. Edit ▸ Preferences changes it.</source>
        <translation>它会随您的每条标注一起保存（团队编码时用来比较编码员），命令行也使用它。可在 编辑 ▸ 首选项 中更改。</translation>
    </message>
    <message>
        <source>Show this at start</source>
        <translation>启动时显示此页</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>WordFilterRow</name>
    <message>
        <source>Leave out stop words</source>
        <translation>略去停用词</translation>
    </message>
    <message>
        <source>Leave out numbers</source>
        <translation>略去数字</translation>
    </message>
    <message>
        <source>Leave out dates</source>
        <translation>略去日期</translation>
    </message>
    <message>
        <source>Date and time units alone or after a numeral: 年, 月, 日, 3月, 2019年</source>
        <translation>单独出现或跟在数字后的日期、时间单位：年、月、日、3月、2019年</translation>
    </message>
    <message>
        <source>Min. length</source>
        <translation>最短字数</translation>
    </message>
    <message>
        <source>Min. frequency</source>
        <translation>最低频次</translation>
    </message>
</context>
<context>
    <name>WordListModel</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频次</translation>
    </message>
    <message>
        <source>Range (articles)</source>
        <translation>分布（文章数）</translation>
    </message>
    <message>
        <source>Per 10,000 words</source>
        <translation>每万词频次</translation>
    </message>
</context>
<context>
    <name>WordListTab</name>
    <message>
        <source>Words</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Clusters of %1 words</source>
        <translation>%1 词词串</translation>
    </message>
    <message>
        <source>Show in Context</source>
        <translation>查看语境</translation>
    </message>
    <message>
        <source>Search for the selected word in the main window</source>
        <translation>在主窗口中搜索所选的词</translation>
    </message>
    <message>
        <source>Add to Stop Words</source>
        <translation>加入停用词</translation>
    </message>
    <message>
        <source>Stop Words…</source>
        <translation>停用词…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Counting words…</source>
        <translation>正在统计词语…</translation>
    </message>
    <message>
        <source>No words to list: the text chosen is empty, or the filters leave nothing (lower the minimum frequency or length).</source>
        <translation>没有可列出的词：所选文本为空，或筛选条件排除了所有词（请降低最低频次或最短字数）。</translation>
    </message>
    <message>
        <source>words</source>
        <translation>词</translation>
    </message>
    <message>
        <source>clusters</source>
        <translation>词串</translation>
    </message>
    <message>
        <source>%1 distinct %2 · %3 running words in %4 articles</source>
        <translation>%1 个不同的%2 · %4 篇文章共 %3 词</translation>
    </message>
    <message>
        <source> · the %1 most frequent shown</source>
        <translation> · 显示最常见的 %1 个</translation>
    </message>
    <message>
        <source>word list</source>
        <translation>词表</translation>
    </message>
</context>
<context>
    <name>WordSubsetEditor</name>
    <message>
        <source>YYYY-MM</source>
        <translation>YYYY-MM</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>articles with the tag</source>
        <translation>含该标签的文章</translation>
    </message>
    <message>
        <source>inside its passages</source>
        <translation>其标注片段内</translation>
    </message>
    <message>
        <source>outside its passages</source>
        <translation>其标注片段外</translation>
    </message>
    <message>
        <source>Inside: only the words wholly within the tag&apos;s passages; outside: every other word of the articles (the untagged text)</source>
        <translation>片段内：只统计完全位于该标签片段中的词；片段外：文章中其余的所有词（未标注的文本）</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Any publication</source>
        <translation>任意报刊</translation>
    </message>
    <message>
        <source>All text</source>
        <translation>全部文本</translation>
    </message>
    <message>
        <source>“%1” is not a date: write 2019, 2019-07 or 2019-07-15.</source>
        <translation>“%1”不是日期：请写成 2019、2019-07 或 2019-07-15。</translation>
    </message>
    <message>
        <source>all text</source>
        <translation>全部文本</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your saved work is safe.</source>
        <translation>发生意外错误。已保存的工作不受影响。</translation>
    </message>
    <message>
        <source>Details are in the log: %1</source>
        <translation>详细信息见日志：%1</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes): it holds no project. Create a new, empty project in this file?</source>
        <translation>%1 是空文件（0 字节），其中没有项目。要在这个文件中新建一个空项目吗？</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This was changed in another window or program since, so it was not done and nothing was overwritten. Look at the project again and retry.</source>
        <translation>这些内容此后已在另一个窗口或程序中被修改，因此没有执行，也没有覆盖任何内容。请重新查看项目后再试。</translation>
    </message>
    <message>
        <source>%1 is busy in another window or program; nothing was changed. Try again in a moment.</source>
        <translation>%1 正被另一个窗口或程序使用，未做任何修改。请稍后再试。</translation>
    </message>
    <message>
        <source>The disk is full, so the change to %1 could not be saved. Nothing was changed; free some space and try again.</source>
        <translation>磁盘已满，对 %1 的修改无法保存。未做任何修改；请释放一些空间后再试。</translation>
    </message>
    <message>
        <source>%1 is open read-only, so nothing can be changed. Copy it to a folder you can write to and open the copy.</source>
        <translation>%1 以只读方式打开，不能修改。请把它复制到可写的文件夹后打开副本。</translation>
    </message>
    <message>
        <source>%1 is damaged, so nothing is written to it. Restore a backup (File ▸ Restore from Backup…) or rescue what can be read (Tools ▸ Salvage into New File…).</source>
        <translation>%1 已损坏，不会再向它写入任何内容。请恢复备份（文件 ▸ 从备份恢复…），或抢救可读取的内容（工具 ▸ 抢救到新文件…）。</translation>
    </message>
    <message>
        <source>%1 cannot be opened: check that it exists and that you may read and write it.</source>
        <translation>无法打开 %1：请确认文件存在，并且你有读写权限。</translation>
    </message>
    <message>
        <source>%1 is not an hnreader project file; nothing was changed.</source>
        <translation>%1 不是 hnreader 项目文件，未做任何修改。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes): it holds no project.</source>
        <translation>%1 是空文件（0 字节），其中没有项目。</translation>
    </message>
    <message>
        <source>%1 was saved by a newer hnreader; nothing was changed. Update hnreader to open it.</source>
        <translation>%1 由更新版本的 hnreader 保存，未做任何修改。请更新 hnreader 后再打开。</translation>
    </message>
    <message>
        <source>%1 was saved by an older hnreader and is only read here, never upgraded. Open it once in this version, then try again.</source>
        <translation>%1 由较旧版本的 hnreader 保存，此处只读取、不升级。请先用本版本打开它一次，然后重试。</translation>
    </message>
    <message>
        <source>%1 is not a consistent hnreader project; nothing was changed. Restore a backup of it.</source>
        <translation>%1 不是完整一致的 hnreader 项目，未做任何修改。请恢复它的备份。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 could not be read or written; nothing was changed.</source>
        <translation>无法读写 %1，未做任何修改。</translation>
    </message>
    <message>
        <source>The query must be text.</source>
        <translation>查询必须是文字。</translation>
    </message>
    <message>
        <source>The query is empty: type a word to search.</source>
        <translation>查询为空：请输入要搜索的词。</translation>
    </message>
    <message>
        <source>The query is too long (%1 characters; at most %2).</source>
        <translation>查询太长（%1 个字符；最多 %2 个）。</translation>
    </message>
    <message>
        <source>The query only excludes words; add a word to search for.</source>
        <translation>查询只有排除词；请加上要搜索的词。</translation>
    </message>
    <message>
        <source>The query has only punctuation; type a word to search.</source>
        <translation>查询只有标点；请输入要搜索的词。</translation>
    </message>
    <message>
        <source>The query has %1 terms; use at most %2.</source>
        <translation>查询有 %1 个词项；最多 %2 个。</translation>
    </message>
    <message>
        <source>The project</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Upgrading a copy of %1</source>
        <translation>正在升级 %1 的副本</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Starting worker processes</source>
        <translation>正在启动工作进程</translation>
    </message>
    <message>
        <source>Reading the files</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Updating the search index</source>
        <translation>正在更新搜索索引</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Upgrading a copy of the file</source>
        <translation>正在升级文件的副本</translation>
    </message>
    <message>
        <source>Rescuing what can be read</source>
        <translation>正在抢救可读取的内容</translation>
    </message>
    <message>
        <source>Analysing the codes</source>
        <translation>正在分析编码</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>Salvage into a new project file</source>
        <translation>抢救到新的项目文件</translation>
    </message>
    <message>
        <source>hnreader projects (*.sqlite)</source>
        <translation>hnreader 项目 (*.sqlite)</translation>
    </message>
    <message>
        <source>What could be read was copied into %1; %2 annotation(s) could not be rescued. The new project opens now.</source>
        <translation>可读取的内容已复制到 %1；有 %2 条标注无法抢救。现在打开新项目。</translation>
    </message>
    <message>
        <source>Damaged project</source>
        <translation>项目已损坏</translation>
    </message>
    <message>
        <source>%1 is damaged (%2). Nothing will be written to it. What do you want to do?</source>
        <translation>%1 已损坏（%2）。不会再向它写入任何内容。要怎么处理？</translation>
    </message>
    <message>
        <source>The newest backup was made %1. Restoring it keeps a copy of the damaged file.</source>
        <translation>最新的备份创建于 %1。恢复时会保留一份损坏文件的副本。</translation>
    </message>
    <message>
        <source>Restore Newest Backup</source>
        <translation>恢复最新备份</translation>
    </message>
    <message>
        <source>Salvage into New File…</source>
        <translation>抢救到新文件…</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
</context>
<context>
    <name>removed</name>
    <message>
        <source>navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>breadcrumb</source>
        <translation>位置导航</translation>
    </message>
    <message>
        <source>search box</source>
        <translation>搜索框</translation>
    </message>
    <message>
        <source>hotline</source>
        <translation>热线</translation>
    </message>
    <message>
        <source>share buttons</source>
        <translation>分享按钮</translation>
    </message>
    <message>
        <source>pager</source>
        <translation>翻页</translation>
    </message>
    <message>
        <source>related links</source>
        <translation>相关链接</translation>
    </message>
    <message>
        <source>editor credit</source>
        <translation>责任编辑</translation>
    </message>
    <message>
        <source>copyright</source>
        <translation>版权信息</translation>
    </message>
    <message>
        <source>advert</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>site notice</source>
        <translation>网站提示</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>分隔线</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>page line</source>
        <translation>版面行</translation>
    </message>
    <message>
        <source>table of contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>front matter</source>
        <translation>文件头信息</translation>
    </message>
    <message>
        <source>trailing links</source>
        <translation>文末链接</translation>
    </message>
    <message>
        <source>heading without text</source>
        <translation>无正文的标题</translation>
    </message>
    <message>
        <source>jump line</source>
        <translation>转版提示</translation>
    </message>
    <message>
        <source>end mark</source>
        <translation>结束标记</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>repeated in other files of the import</source>
        <translation>在本次导入的其他文件中重复出现</translation>
    </message>
</context>
<context>
    <name>windows</name>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Upgrading %1 from file format %2 to %3. This happens once; a large project takes a minute or more, and a backup is made first.</source>
        <translation>正在将 %1 从文件格式 %2 升级到 %3。只需一次；大型项目需要一分钟或更久，升级前会先做备份。</translation>
    </message>
    <message>
        <source>Upgrading the project file</source>
        <translation>正在升级项目文件</translation>
    </message>
</context>
</TS>
