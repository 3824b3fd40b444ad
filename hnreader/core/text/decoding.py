"""Bytes → text among UTF-8, UTF-16 (with BOM), GB18030 and Big5, or a clear refusal."""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from hnreader.core.models import ImportFileError
from hnreader.core.text.normalize import normalise_stored_text

DEFAULT_MAX_BYTES = 200 * 2**20

TRIED = "tried UTF-8, UTF-16, GB18030, Big5"

# Candidate legacy encodings, as Python codec names. GBK and GB2312 are subsets of GB18030.
# Big5 is decoded as cp950 (Big5 as Windows writes it: adds €, the ETEN extensions, ...).
GB18030 = "gb18030"
BIG5 = "cp950"
_LABELS = {GB18030: "GB18030", BIG5: "Big5"}

# Evidence thresholds for GB18030 vs Big5: the score is the mean weight of the non-ASCII
# characters (see _WEIGHTS). On 4- to 12-character snippets of the bundled corpus (GB18030, and
# Big5 after OpenCC s2t) these gave no wrong reading and refused ~2% of 4-character snippets.
_MIN_SCORE = 0.6
_MIN_MARGIN = 0.3

_SAMPLE_BYTES = 64 * 1024  # the chunk where the text first stops being UTF-8
_EXTRA_CHUNK_BYTES = 16 * 1024  # three more, spread over a large file
_CONTROL_SAMPLE_CHARS = 64 * 1024
_MAX_CONTROL_SHARE = 0.02
_UTF8_PREFIX_EVIDENCE = 24  # non-ASCII bytes of valid UTF-8 before an error: "broken UTF-8"

# Control characters that do not occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_UTF8_LONG_LEAD = re.compile(rb"[\xe0-\xf4]")  # starts a 3- or 4-byte UTF-8 character
# Code point ranges of scripts written with 2-byte UTF-8: Latin-1 + Latin Extended-A, Greek,
# Cyrillic, Hebrew, Arabic letters.
_SCRIPTS = ((0xA0, 0x180), (0x384, 0x3CF), (0x400, 0x460), (0x5D0, 0x5EB), (0x60C, 0x66A))
# A byte that is neither a lead nor a trail byte in GB18030 or Big5: a safe place to cut.
_SAFE_CUT = re.compile(rb"[\x00-\x2f]")

# Han characters ranked by summed word frequency in jieba 0.42.1's dict.txt (U+4E00–U+9FFF):
# the top 1,000 and the next 2,500, each with their OpenCC s2t Traditional forms, sorted by code
# point (the recipe is test_decoding.py::test_common_character_sets_match_their_recipe).
# Shipped as literals so that deciding costs no file reading and no dictionary load.
_VERY_COMMON_HAN_TEXT = """\
一七万三上下不与专且世业东两严並个中丰临为主举久么义之乎乐九也习乡书买乱亂了争事二于云互五
亚些亞交产京亮亲人亿什仅今介仍从他代令以们件价任份企伊众优会传伤伯似但位低住体佔何余作你使
來例供依侧便俄保信修個們倒候值假做停側備傳傷僅像價億優儿元兄充先光克免兒党入內全兩八公六兰
共关兴兵其具典养内再写军农冲决况冷准减几出击刀分切划列刘则刚创初判別利别到制刺刻則前剑剛剧
副創劃劇劉劍力办功加务动助劳势動務勝勞勢包化北区医區十千升半华协協单卖南博占卫印危即却卻厂
历压原去县参參又及友双反发取受变口古句另只叫召可台史右叶号司吃各合同名后向吗否吧含听吳吴吸
告员呢周味呼命和咱品哈响員哥哪唐商啊問善喜喝喫單嗎器嚴四回因团园围固国图國圍園圖團土在地场
均坐块坚型城域執基堂堅報場塊境墙增壓士声处备复夏外多夜够夠大天太夫央失头奇女她好如妇妈始姑
姓委威娘婦媽子字存孙季学孩孫學宁它守安宋完宗官定宜宝实审客宣室宫宮害家容密富察實寧審寫寶对
导封射将將專對導小少尔尚就尼尽局层居屆届展属層屬山岁岛岸島州工左差己已巴市布师希帝带師席帮
帶常幫干平年并幹幾广庆序应底府度座庭康廠廣建开异式引弟张張強弹强彈归当录形彩影往征待很律後
得從復微徵德心必志忙快念忽怀态怎怕思急性怪总恩息恶情惊惡想意愛感愿態慢慶應懷成我或战戰戶户
房所手才打执扩批找承技把投抗护报担拉招括拿持指按挥换据授掌排採探接控推提換揮擊擔據擴支收改
攻放政故效敌救敗教敢散数整敵數文斗料断斯新斷方於施旁旅族无既日旧早时昌明易星春是显時晚普景
暗曲更書曾最會月有服望朝期木未本术朱机杀杂权李材村条来杨東松板极构林果枪架某查标树校样核根
格案桥條检植楊楚業極楼構槍樂樓標模樣樹橋機檢權次欢欧歐歡止正此步武歲歷歸死段殺殿母每毒比毕
毛毫民气氣水永求汉江決沉沒沙没河油治沿況法波注泽洋洞洪洲活派流测济海消深清渐減温測港游湖湾
源準溫满滿演漢漸澤激濟灣火灵炮点烈热無然照熟熱營爭爱爲父爷爺爾牆片版牌牙牛物特状狀独献獨獲
獻率玉王环现班現球理環甚生產用田由甲电男画界留畢略畫異當病痛登發白百的皇皮益监盘盛盡監盤目
直相省看真眼着督知短石矿研破础确確礎礦示礼社祕祖神票禁福禮离种科秘积称移程種稱稳積穩究空穿
突立站竟章端笑笔第筆等筑答策简算管節範築簡米类精系紀約紅納級素索紧細終組結絕給統經維網緊線
編練縣總織繼續红约级纪纳线练组细织终经结给绝统继续维编网罗罪置羅美羣群義習老考者而职联聞聯
聲職聽肉股育背胜胡能脑脚脸腦腳臉臣臨自至致臺與興舉舊航般船良色艺节花苏若苦英范茶荆草荊药获
菜華营萬落葉著蒙藏藝藥蘇蘭處號虽血衆行術街衛衝衣补表被装裏補裝襄西要見規視親覺觀见观规视觉
角解言計訓記設許訴評詞試詩話該認語說誰調談請論講證識警議護讀變讓计认让训议记讲许论设证评识
诉词试诗话该语说请读谁调谈谷豐象負財貨責貴買費資賣質賽负财责败货质贵费资赛走赶起超越趕足跟
路身車軍軟較載輕輪輯輸轄轉车转轮软轻载较辑输辖辦農边达过迎运近还这进远连述追退送适选逐這通
速造連進遇遊運過道達遗遠適選遺還邊那邦部都鄂鄉配酒醫采里重量金銀銷錄錢錯鍾鎮鐵钟钱铁银销错
镇長长門開間關门问间闻队防阳阵阶阿附际陆陈降限院陣除险陳陵陸陽隊階随際隨險难雄集雖雙雜離難
雨雲雷電需露靈青静靜非靠面革音響頂項順須預頓領頭題額願類顧顯顶项顺须顾顿预领题额風风飛飞食
飯養餘館饭馆首香馬驗驚马验骨體高鬥魚鮮鱼鲜麼黃黄黑點黨齊齐龍龙
"""

_COMMON_HAN_TEXT = """\
丁丈丐丑丕丘丙丛丝丞丟丢丧丫串丸丹丽乃乌乍乏乒乓乔乖乘乙乞乳乾予亏井亡亢亥亦亨亩享亭仁仆仇
仑仓仔仕仗付仙仪仰仲仿伍伏伐休伙伞伟伦伪估伴伶伸伺伽佃佐佑佛佣佩佬佳佸佹侄侈侍侖侗侠侣侦侨
侮侯侵侶促俊俏俗俘俞俠俩俭俯俱俸俺倆倉倍倘倚借倡倦倪倫倭债倾偅偉偏健偵偶偷偿傅傍傑傗傘傚傛
傝傣储催傭傲債傻傾僑僕僚僞僧僭僱僵僻儀儉儒償儲兀允兆兇兌兑兔兘兜兢兹兼兽冀冈冉冊册冒冠冤冥
冬冯冰冶冻净凄凉凌凍凑凛凜凝凡凤凭凯凰凱凳凶凸凹函凿刃刊刑删刪刮刷券刹剁剂剃剅剉削剌剎剖剝
剥剩剪割剿劈劑劝劣努劫励劲劾勁勃勇勉勋勒勘募勤勫勬勳勵勸勺勻勾勿匀匆匈匕匙匠匣匪匯匹匾午卑
卒卓卜卞卡卢卤卦卧卯卵卷卸卿厄厅厉厌厕厘厚厢厥厦厨厭厮厲叉叔叙叛叠叢叨叩叭叮叹吁吆吉吊吏吐
吓吕君吞吟吨吩吭启吱吵吶吹吻吼吾呀呂呆呈呐呕呜呵呻咀咋咏咐咒咕咖咚咦咧咨咬咯咳咸咽哀哄哇哉
哊哎哑哗哟哦哨哩哭哲哺哼唇唉唤唧唬售唯唱唾啓啞啡啤啥啦啪啸啼喀喂喃喇喉喊喘喚喧喪喬喲喷喻嗅
嗓嗕嗗嗚嗜嗡嗣嗤嗭嗯嗽嘆嘉嘎嘔嘗嘛嘯嘱嘲嘴嘶嘻嘿噢噪噴噶噸嚇嚣嚷嚼囂囊囑囚困圆圈圓圣圭圳圻
圾址坊坎坏坑坛坝坞坟坠坡坤坦坪垂垃垄垒垛垜垣垦垫垮垱垸埃埋埔培堆堕堝堡堤堪堰堵塌塑塔塗塘塞
塢填塵墊墓墜墟墨墩墮墳墾壁壇壋壘壞壟壤壩壮壯壳壶壺壽変夊夋夕夢夥夷夸夹夺夾奈奉奋奎奏契奔奕
奖套奠奢奥奧奪奮奴奶奸奼妃妄妆妒妓妖妙妝妥妨妮妹妻妾姆姊姐姚姜姝姥姨姹姻姿娃娇娌娑娛娜娟娥
娱娴娶婆婉婚婢婴婶婿媒媚媳嫁嫂嫉嫌嫔嫣嫩嫺嬌嬪嬰嬸孔孕孜孝孟孢孤孽宅宇宏宙宛宠宦宪宰宴宵宸
宽宾宿寂寄寇寒寓寝寞寡寢寥寨寬寮寰寵寸寺寻寿尉尊尋尖尘尝尤尬尴尷尸尹尺尾尿屁屈屋屍屏屑屠屡
屢履屯屼屽屾屿岀岂岃岄岔岗岡岩岭岱岳峙峡峨峭峯峰峻峽崇崔崖崗崛崩嵋嵌嵩嶅嶆嶈嶺嶼嶽巍巖川巡
巢巧巨巩巫巷巾币帅帆帐帕帖帘帜帥帳帽幅幕幟幢幣幸幺幻幼幽庄庇床庐库店庙庚庞废庫庵庶庸廁廂廈
廉廊廓廖廚廝廟廢廬廳延廷弃弄弊弓弗弘弥弦弧弩弯弱弼彌彎彝彥彦彪彬彭彰役彻彼径徊徐徑徒徙御循
徹徽忆忌忍忘忠忧怒怔怖怜怠怡怦怨怯恆恋恍恐恒恕恢恥恨恭恰恳恼悄悅悉悍悔悟悠患悦您悬悲悶悼悽
惑惕惜惟惠惧惨惩惭惯惱惶惹愁愈愉愕愚愣愤愧慈慌慎慑慕慘慚慣慧慨慮慰慷憂憋憎憐憑憤憲憶憾懂懇
懈懒懲懶懸懼懾懿戀戈戎戏戒戚戝戟截戲戳戴扁扇扎扑扒扔托扛扣扫扬扭扮扯扰扳扶扼抄抑抒抓抖折抚
抛抢披抬抱抵抹押抽拂拆拇拈拋拌拍拐拒拓拔拖拘拙拚拜拟拢拣拥拦拨择拱拳拼拽拾挂挑挖挟挠挡挣挤
挨挪挫振挺挽挾捆捉捎捏捐捕捞损捡捣捧捷捻掀掃掉掏掘掙掛掠掩措掷揀揉描插揖揚握揣揪揭援揽搁搂
搅損搏搓搖搗搜搞搬搭搶携摄摆摇摊摔摘摟摧摩摸摹撇撈撐撑撒撓撕撞撤撥撫撬播撮撰撲撼撿擁擂擅擇
擋操擒擠擦擬擱擲擺擾攀攏攒攔攘攜攝攢攤攪攬敏敕敘敛敝敞敦敬敲敷斂斃斋斌斐斑斜斟斡斤斥斧斩斬
旋旗旦旨旬旭旱旷旺昂昆昏昔映昧昨昭昼晃晉晋晌晒晓晕晖晝晤晦晨晰晴晶智暂暇暈暉暑暖暢暫暮暴曉
曙曠曬曰曹曼替朋朔朕朗朦朧末札朴朵朽杆杈杉杏杖杜杞束杠杩杭杯杰枉析枕枚枝枢枣枯柄柏柑染柔柜
柬柯柱柳柴柵栅栋栏栖栗株栽桂桃框桌桐桑桓档桨桩桶梁梅梍梓梗梢梦梨梭梯械梳梵棄棉棋棍棒棕棗棘
棚棟棠棣森棱棲棵棺椅椎椒椭楞楠楷概榆榜榨榪榮榴榻槐槓槛槳槸槽樁樊樞横樱樸樻橘橙橡橢橫檀檐檔
檻櫃櫻欄欎欠欣欲欺欽款歇歉歌歧歪歹歼殉殊残殑殖殘殲殷殼毀毁毅毗毙毡毯氈氏氛氟氢氧氨氫氮氯汁
汇汗汛汝汞池污汤汪汰汹汽沁沃沅沈沐沔沛沟沦沧沪沫沸沼沽沾泄泉泊泌泛泡泣泥泪泰泳泵泻泼洁洒洗
洛津洶洼洽浅浆浇浊浏浑浓浙浜浠浣浦浩浪浮浴浸浼涂涅涉涌涓涔涕涛涡润涨涩涯液涵涼淀淋淑淘淚淡
淤淨淪淫淮淳淵混淹淺添渊渔渗渝渠渡渣渤渦渭渴渾湁湊湘湛湧湪湯湴湿溃溅溉溜溝溢溪溯溶溼滃滄滅
滇滋滑滔滚滞滤滥滨滩滬滯滲滴滷滾漁漂漆漏漓漕漠漫漲漳漿潇潑潔潘潛潜潤潭潮潰潵澀澄澆澜澡澧澱
澳澶濁濂濃濒濤濫濱濺濾瀉瀏瀑瀕瀛瀟瀹瀾灌灏灑灘灝灞灭灯灰灶灸灼災灾灿炉炎炒炕炖炬炭炯炳炸炼
烁烂烏烘烛烟烤烦烧烩烫烯烷烹焉焕焖焚焦焰煉煌煎煙煞煤煥煨煩煮熄熊熏熔熙熬熷燃燈燉燒燕燙燜燥
燦燭燴燻爆爍爐爛爪爬爵爸爹爽牀牒牟牡牢牧牲牵牺牽犁犧犬犯犲犳犹狂狄狐狗狠狡狩狭狮狱狸狹狼猎
猛猜猪猫猴猶猿獄獅獎獵獸玄玛玩玫玲玺玻珂珊珍珞珠琅琉琐琛琢琦琳琴琼瑕瑙瑚瑜瑞瑟瑣瑤瑩瑪瑰瑶
璁璃璇璋璧璽瓊瓙瓜瓣瓦瓶瓷甘甜甩甫申甸畅畏畔畜畝番畴畸疆疇疊疏疑疗疫疮疯疲疼疾症痒痕痰痴瘋
瘡瘤瘦瘫瘾療癌癡癢癮癱皁皂皆皋皖皱皺盆盈盏盐盒盔盖盗盜盞盟盧盯盲盼盾眉眠眨眯眶眷睁睛睜睡睦
睹睿瞄瞅瞎瞒瞞瞥瞧瞩瞪瞬瞰瞻矗矚矛矢矣矩矫矮矯矶码砂砌砍砖砥砰砸硅硕硝硫硬碌碍碎碑碗碘碟碧
碩碰碱碳碼碾磁磅磋磕磚磨磯磷礁礙祀祁祈祝祠祥祭祯祷祸祺祿禀禄禅禍禎禧禪禱禹禽禾禿秀私秃秉秋
秒租秦秩秭稀稅稍税稚稟稠稷稻稼稽稿穆穎穴穷窃窄窍窑窖窗窜窝窟窥窦窩窪窮窯窺竄竅竇竈竊竖竞童
竭竴競竹竿笂笃笅笉笙笛符笨笼筋筒筛筵筷筹签箭箱篃篆篇篘篤篩篮篷簇簧簾簿籃籌籍籗籠籤籲粉粑粒
粗粘粟粤粥粪粬粮粵粹糊糕糖糞糟糧糯糾紊紋紐純紗紙紛紝紡紫累紳紹絞絡絨絮絲絹綁綘綜綠綢綱綴綺
綻綽綿緇緒緝緞締緣緩緬緯縐縛縫縮縱縷績繁繕繖繞繡繩繪繳纂纏纖纜纠纤纬纯纱纲纵纷纸纹纺纽绅绉
绍绑绒绕绘络绞绢绣绩绪绮绰绳绵绸综绽绿缀缁缅缆缉缎缓缔缕缘缚缝缠缩缮缴缸缺罐罕罚罢罩罰署罵
罷羁羈羊羌羞羡羨羲羹羽翁翅翊翌翔翘翠翰翹翻翼耀耍耐耕耗耙耳耶耸耻耽耿聂聊聋聖聘聚聪聰聳聶聾
肃肅肆肇肌肖肘肚肝肠肢肤肥肩肪肯肴肺肾肿胀胁胃胆胎胖胚胞胤胥胧胪胳胶胸胺脂脅脆脈脉脊脏脓脖
脣脫脱脹脾腊腎腐腑腔腕腥腫腮腰腸腹腺腻腾腿膀膊膏膚膛膜膝膠膨膩膳膽膿臀臂臘臚臥臭舅舆舌舍舒
舜舞舟舰舱舵舶艇艘艙艦艰艱艳艾芋芒芙芜芝芥芦芬芭芯芳芷芽苇苍苑苔苕苗苛苟苯苹茂茄茅茎茨茫茬
茲茸荐荒荡荣荤荫荷莉莊莎莖莫莱莲莹莽菇菊菌菩菱菲萄萊萌萍萝萧萨萼葛葡董葦葫葬葱葵葷蒂蒋蒜蒯
蒲蒸蒼蒿蓄蓉蓋蓝蓦蓬蓮蔑蔓蔗蔡蔣蔥蔬蔭蔽蕃蕉蕩蕪蕭蕲蕴蕾薄薇薛薦薩薪薯藉藍藕藤藩藻蘄蘆蘊蘋
蘿虎虏虐虑虚虛虜虞虧虫虹虾蚀蚁蚊蚌蚕蛇蛋蛙蛛蛮蛾蜀蜂蜒蜜蜡蜿蝇蝉蝕蝦蝶融螺蟬蟲蟹蟻蠅蠟蠡蠢
蠶蠻衍衔衙衡衢衫衬衮衰衷袁袋袍袖袞袭袱裁裂裔裕裘裙裤裳裴裸裹褂褐褰褲褶襟襯襲覆覓覷覽觅览觑
触觸訂訊訌討訝訟訣訪診詐詔詠詢詫詭詳詹誅誇誉誓誕誘誠誣誤誥誦誨課誼諒諧諫諭諮諱諲諷諸諾謀謂
謊謎謙謝謠謬謹譁譏譚譜譬譯譴譽订讥讧讨讯讳讶讼讽访诀诈诊诏译诚诛诞诡询详诧诬误诰诱诲诵诸诺
课谅谊谋谎谏谐谓谕谜谢谣谦谨谬谭谱谴豁豆豈豌豎豔豚豪豫豬豹貌貓貝貞貢貧販貪貫貯貶貸貼貿賀賄
賈賊賓賜賞賠賢賤賦賬賭賴賺購贈贊贏贖贛贝贞贡贤账贩贪贫贬购贮贯贱贴贷贸贺贼贾贿赋赌赎赏赐赔
赖赚赞赠赢赣赤赦赫赴赵趁趋趙趟趣趨趴趾跃跋跌跑距跡跨跪跳践跺踏踐踢踩踪蹄蹇蹈蹤蹲躁躍躬躯躲
躺軀軋軌軒軸輔輛輝輩輻輿轎轟轧轨轩轰轴轿辅辆辈辉辐辛辜辞辟辣辨辩辫辭辮辯辰辱辽迁迄迅迈返违
迟迦迪迫迭迷迹逃逆逊逍透递途逗逛逝逞逢逮逵逸逻逼逾遂遍遏違遙遜遞遣遥遭遮遲遵遷遼避邀邁邏邑
邓邢邪邮邱邵邹邻郁郊郎郑郝郡郢郧郭郵鄒鄖鄙鄧鄭鄰酋酌酚酥酬酮酯酰酱酶酷酸酿醇醉醋醒醛醜醬釀
释釋野釐釗釘釜針釣鈉鈍鈔鈞鈣鈥鈦鈴鈾鉀鉛鉤鉴銅銆銘銜銳鋁鋅鋒鋪鋸鋼錐錘錚錛錠錡錦錫錳鍋鍏鍐
鍑鍒鍔鍗鍘鍙鍚鍛鍜鍥鍦鍵鎂鎊鎖鎬鎯鎳鎴鎵鎶鏂鏃鏄鏅鏈鏉鏟鏡鏢鐗鐢鐨鐪鑄鑑鑰鑲鑼鑽鑿针钉钊钓
钙钛钝钞钠钢钥钦钧钩钻钾铀铃铅铜铝铭铮铲铸铺链锁锅锋锌锐锛锜锡锣锤锥锦锭键锯锰锻镁镍镑镖镜
镶閃閉閒閘閣閥閨閩閮閱閲閻闂闃闄闊闕闖闡闢闪闭闯闲闷闸闹闺闽阀阁阅阎阐阔阙阜阮阴阻陀陂陋陌
陕陛陝陡陪陰陶陷隅隆隋隐隔隘隙障隧隱隶隸雀雁雅雇雌雍雕雞雪零雾霄震霉霍霎霖霜霞霧霳霸靖靡靴
靶鞋鞍鞏鞑鞘鞭韃韋韌韓韜韦韧韩韬韵韻頁頃頌頑頒頗頜頤頰頸頻顆顏顛顫顱页顷顽颁颂颅颇颈颊颌颐
频颖颗颜颠颤飄飘飢飲飼飽飾餅餉餌餐餓餚饅饋饒饥饮饰饱饲饵饶饷饼饿馈馒馨馮馳馴駁駐駒駕駛駝駭
駱騎騙騫騰騷騾驀驅驕驛驟驢驯驰驱驳驴驶驹驻驼驾驿骂骄骆骇骑骗骚骞骡骤骸髒髓鬧鬱鬼魁魂魄魅魏
魔魦魯鮑鮠鯉鯊鯨鰭鰱鰲鱅鱗鱘鱷鲁鲍鲟鲢鲤鲨鲸鳄鳌鳍鳙鳞鳥鳩鳳鳴鴉鴛鴣鴦鴨鴻鴿鵑鵝鵬鶴鷓鷹鸟
鸠鸡鸣鸦鸪鸭鸯鸳鸽鸿鹃鹅鹏鹤鹧鹰鹹鹼鹽鹿麋麓麗麟麥麦麻黎黔默黴鼎鼓鼠鼻齋齒齡齿龄龐龜龟
"""

# Punctuation and full-width forms that Chinese news text uses; both readings can produce them.
_COMMON_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·　" + "".join(
    chr(code) for code in range(0xFF01, 0xFF5F)
)

# How much one character counts as evidence for a reading. The wrong one of GB18030/Big5 still
# lands on characters among the 3,500 often, but seldom on the top 1,000, hence two tiers.
_WEIGHTS: dict[str, float] = {
    **dict.fromkeys(_COMMON_HAN_TEXT.replace("\n", ""), 0.5),
    **dict.fromkeys(_VERY_COMMON_HAN_TEXT.replace("\n", ""), 1.0),
    **dict.fromkeys(_COMMON_PUNCTUATION, 1.0),
}

# Known binary formats: magic bytes → what the file is.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office document (.doc/.xls/.ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_ZIP_KINDS = {
    ".docx": "a Word document (.docx)",
    ".xlsx": "an Excel workbook (.xlsx)",
    ".pptx": "a PowerPoint file (.pptx)",
    ".odt": "an OpenDocument text (.odt)",
    ".epub": "an EPUB e-book",
}


@dataclass(frozen=True)
class DecodedText:
    """A decoded, normalised text and how its encoding was decided."""

    text: str  # passed through normalise_stored_text
    encoding: str  # Python codec name: utf-8, utf-8-sig, utf-16-le, utf-16-be, gb18030, cp950
    confidence: float  # 1.0 for a BOM or valid UTF-8, else the common-character score (0–1)
    evidence: str  # one line for logs and the import report


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read and decode a plain text file, or raise ImportFileError saying what is wrong."""
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportFileError(f"{name}: file not found ({path})") from None
    except PermissionError:
        raise ImportFileError(f"{name}: cannot be read: permission denied") from None
    except OSError as exc:
        raise ImportFileError(f"{name}: cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFileError(f"{name}: is a folder, not a text file")
    if not stat.S_ISREG(info.st_mode):
        # FIFOs and devices could block or never end.
        raise ImportFileError(f"{name}: is not a regular file")
    if info.st_size > max_bytes:
        raise ImportFileError(_too_large(name, info.st_size, max_bytes))
    try:
        with open(path, "rb") as stream:
            data = stream.read(max_bytes + 1)  # the file may have grown since stat()
    except PermissionError:
        raise ImportFileError(f"{name}: cannot be read: permission denied") from None
    except IsADirectoryError:
        raise ImportFileError(f"{name}: is a folder, not a text file") from None
    except OSError as exc:
        raise ImportFileError(f"{name}: cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ImportFileError(_too_large(name, len(data), max_bytes))
    return decode_bytes(data, name)


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode a file's bytes among UTF-8 / UTF-16 with BOM / GB18030 / Big5, or refuse.

    Never guesses silently: when the evidence is thin, or the text would not decode cleanly,
    raises ImportFileError naming the file and the encodings tried.
    """
    if not data.strip():
        raise ImportFileError(f"{name}: is empty")
    _refuse_known_binary(data, name)
    decoded = _decode_with_bom(data, name)
    if decoded is None:
        if b"\x00" in data:
            raise ImportFileError(_nul_message(data, name))
        decoded = _decode_without_bom(data, name)
    _refuse_control_characters(decoded.text, name)
    text = normalise_stored_text(decoded.text)
    if not text.strip():
        raise ImportFileError(f"{name}: is empty (it holds only white space)")
    return DecodedText(text, decoded.encoding, decoded.confidence, decoded.evidence)


def _too_large(name: str, size: int, max_bytes: int) -> str:
    return (
        f"{name}: is too large to import ({size / 2**20:.1f} MB; the limit is "
        f"{max_bytes / 2**20:.0f} MB); split it into smaller files"
    )


def _cannot_tell(name: str) -> str:
    return f"{name}: cannot tell its text encoding ({TRIED}); save it as UTF-8 and import again"


def _refuse_known_binary(data: bytes, name: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind == "a ZIP archive":
                kind = _ZIP_KINDS.get(os.path.splitext(name)[1].lower(), kind)
            raise ImportFileError(
                f"{name}: is {kind}; only plain text files can be imported "
                "(save or export it as a .txt file first)"
            )


def _decode_with_bom(data: bytes, name: str) -> DecodedText | None:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ImportFileError(f"{name}: is UTF-32, which is not supported; save it as UTF-8")
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
    ):
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                # utf-8-sig strips the BOM itself; for UTF-16 the BOM is cut off above.
                text = data.decode(codec) if codec == "utf-8-sig" else body.decode(codec)
            except UnicodeDecodeError as exc:
                offset = exc.start + (0 if codec == "utf-8-sig" else len(bom))
                raise ImportFileError(
                    f"{name}: starts with a {label} byte-order mark but is not valid {label} "
                    f"(at byte {offset:,}); save it as UTF-8 and import again"
                ) from None
            return DecodedText(text, codec, 1.0, f"{label} byte-order mark")
    return None


def _nul_message(data: bytes, name: str) -> str:
    head = data[:4096]
    nul_even = head[0::2].count(0)
    nul_odd = head[1::2].count(0)
    half = len(head) / 2
    # ASCII or Latin text in UTF-16 has a NUL in every other byte, on one side only.
    if max(nul_even, nul_odd) >= 0.3 * half and min(nul_even, nul_odd) <= 0.05 * half:
        return (
            f"{name}: looks like UTF-16 without a byte-order mark, which cannot be told apart "
            "safely; save it as UTF-8 and import again"
        )
    return (
        f"{name}: looks like a binary file (it contains NUL bytes); "
        "only plain text files can be imported"
    )


def _refuse_control_characters(text: str, name: str) -> None:
    head = text[:_CONTROL_SAMPLE_CHARS]
    controls = len(_CONTROLS.findall(head))
    if controls and controls > _MAX_CONTROL_SHARE * len(head):
        raise ImportFileError(
            f"{name}: looks like a binary file ({controls:,} control characters); "
            "only plain text files can be imported"
        )


def _decode_without_bom(data: bytes, name: str) -> DecodedText:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if data.isascii():
            return DecodedText(text, "utf-8", 1.0, "ASCII only")
        if _UTF8_LONG_LEAD.search(data) or _plausible_two_byte_text(text):
            return DecodedText(text, "utf-8", 1.0, "valid UTF-8")
        # Short GB18030 text without Chinese punctuation is often valid UTF-8 by accident
        # (效应 → "ЧӦ", 学习 → "ѧϰ"): a jumble of scripts. Let the GB18030/Big5 evidence speak.
        first_non_ascii = _NON_ASCII.search(data)
        assert first_non_ascii is not None
        codec, confidence, evidence = _choose_legacy(data, first_non_ascii.start(), name)
        evidence += " (also valid UTF-8, but that reading is a jumble of scripts)"
        return _decode_legacy(data, codec, confidence, evidence, name)
    prefix = data[:first_bad]
    if len(prefix) - _ascii_count(prefix) >= _UTF8_PREFIX_EVIDENCE:
        # Long valid UTF-8 with Chinese in it, then an invalid byte: a damaged or mixed file.
        # Reading all of it as GB18030 would turn the good part into garbage.
        raise ImportFileError(
            f"{name}: is UTF-8 up to byte {first_bad:,} but not after it (a damaged or mixed "
            f"file; {TRIED}); save it as UTF-8 and import again"
        )
    codec, confidence, evidence = _choose_legacy(data, first_bad, name)
    return _decode_legacy(data, codec, confidence, evidence, name)


def _decode_legacy(
    data: bytes, codec: str, confidence: float, evidence: str, name: str
) -> DecodedText:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{name}: reads as {_LABELS[codec]} at first but has bytes that are not "
            f"{_LABELS[codec]} at byte {exc.start:,} ({TRIED}); save it as UTF-8 and import again"
        ) from None
    return DecodedText(text, codec, confidence, evidence)


def _plausible_two_byte_text(text: str) -> bool:
    """Whether UTF-8 text without 3- or 4-byte characters keeps to one script, as real text does."""
    chars = {char for char in text[:_CONTROL_SAMPLE_CHARS] if char >= "\x80"}
    return any(all(start <= ord(char) < end for char in chars) for start, end in _SCRIPTS)


def _ascii_count(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(128))))


def _choose_legacy(data: bytes, first_bad: int, name: str) -> tuple[str, float, str]:
    """Pick GB18030 or Big5 by how common the Chinese characters of each reading are."""
    chunks = _sample_chunks(data, first_bad)
    results: dict[str, tuple[float, int] | None] = {}
    for codec in (GB18030, BIG5):
        counts: Counter[str] = Counter()
        try:
            for chunk, final in chunks:
                decoder = codecs.getincrementaldecoder(codec)("strict")
                counts.update(decoder.decode(chunk, final))
        except UnicodeDecodeError:
            results[codec] = None
            continue
        non_ascii = sum(n for char, n in counts.items() if char >= "\x80")
        weight = sum(n * _WEIGHTS.get(char, 0.0) for char, n in counts.items())
        results[codec] = (weight / non_ascii if non_ascii else 0.0, non_ascii)
    gb, big5 = results[GB18030], results[BIG5]
    if gb is not None and (big5 is None or gb[0] >= big5[0]):
        codec, (share, count), other = GB18030, gb, big5
    elif big5 is not None:
        codec, (share, count), other = BIG5, big5, gb
    else:
        raise ImportFileError(_cannot_tell(name))
    other_share = other[0] if other is not None else 0.0
    if count == 0 or share < _MIN_SCORE or share - other_share < _MIN_MARGIN:
        raise ImportFileError(_cannot_tell(name))
    other_codec = BIG5 if codec == GB18030 else GB18030
    other_note = (
        f"as {_LABELS[other_codec]}: {other_share:.2f}"
        if other is not None
        else f"not valid {_LABELS[other_codec]}"
    )
    evidence = (
        f"{_LABELS[codec]}: common-character score {share:.2f} over {count:,} sampled non-ASCII "
        f"characters ({other_note})"
    )
    return codec, share, evidence


def _sample_chunks(data: bytes, first_bad: int) -> list[tuple[bytes, bool]]:
    """Byte chunks to weigh the evidence on: where UTF-8 first fails, then spread over the rest.

    Each chunk starts just after a byte below 0x30, which is never part of a GB18030 or Big5
    multi-byte character, so every chunk starts on a character boundary. Each is decoded with
    an incremental decoder, so a character cut at a chunk's end is not an error.
    """
    first = _start_before(data, first_bad)
    spans = [(first, first + _SAMPLE_BYTES)]
    rest = len(data) - spans[0][1]
    if rest > 3 * _SAMPLE_BYTES:
        for fraction in (1, 2, 3):
            start = _start_after(data, spans[0][1] + rest * fraction // 4)
            if start is not None:
                spans.append((start, start + _EXTRA_CHUNK_BYTES))
    return [(data[start:end], end >= len(data)) for start, end in spans]


def _start_before(data: bytes, position: int) -> int:
    """A character boundary at or shortly before `position`."""
    window_start = max(0, position - 4096)
    for index in range(position - 1, window_start - 1, -1):
        if data[index] < 0x30:
            return index + 1
    return 0 if window_start == 0 else position


def _start_after(data: bytes, position: int) -> int | None:
    """A character boundary shortly after `position`, if there is one nearby."""
    match = _SAFE_CUT.search(data, position, position + _EXTRA_CHUNK_BYTES)
    return match.end() if match else None
