// Generated from ICU by `KCBX_REGENERATE=1 swift test --filter builtInHanTableIsWhatICUGives`; do not edit.

/// Pinyin and simplified form of U+4E00–U+9FFF, one line per character (see ``HanTable``).
let hanTableData = """
yi
ding
kao
qi
shang
xia
han
wan
zhang
san
shang
xia
ji
bu
yu
mian
gai
chou
chou
zhuan
qie
pi
shi
shi
qiu
bing
ye
cong
dong
si
cheng
diu 4E22
qiu
liang
diu
you
liang
yan
bing 5E76
sang
gun
jiu
ge
ya
qiang
zhong
ji
jie
feng
guan
chuan
chan
lin
zhuo
zhu
ba
wan
dan
wei
zhu
jing
li
ju
pie
fu
yi
yi
nai
wu
jiu
jiu
tuo
me
yi
yi
zhi
wu
zha
hu
fa
le
yin
ping
pang
qiao
hu
guai
cheng
cheng
yi
yin
ya
mie
jiu
qi
ye
xi
xiang
gai
jiu
xia
hu
shu
dou
shi
ji
nang
jia
ju
shi
mao
hu
mai
luan
zi
ru
xue
yan
fu
sha
na
gan
suo
yu
cui
zhe
qian 5E72
zhi
gui
gan
luan 4E71
lin
yi
jue
le
ma
yu
zheng
shi
shi
er
chu
yu
kui
yu
yun
hu
qi
wu
jing
si
sui
gen
gen 4E98
ya
xie
ya
qi
ya 4E9A
ji
tou
wang
kang
da
jiao
hai
yi
chan
heng
mu
ye
xiang
jing
ting
liang
xiang
jing
ye
qin
bo
you
xie
dan
lian
duo
wei
ren
ren
ji
ji
wang
yi
shen
ren
le
ding
ze
jin
pu
chou
ba
zhang
jin
jie
bing
reng
cong
fo
san
lun
bing
cang
zi
shi
ta
zhang
fu
xian
xian
tuo
hong
tong
ren
qian
gan
ge
bo
dai
ling
yi
chao
chang
sa
chang
yi
mu
men
ren
fan
chao
yang
qian
zhong
pi
wo
wu
jian
jia
yao
feng
cang
ren
wang
fen
di
fang
zhong
qi
pei
yu
diao
dun
wu
yi
xin
kang
yi
ji
ai
wu
ji
fu
fa
xiu
jin
pi
dan
fu
tang
zhong
you
huo
hui
yu
cui
yun
san
wei
chuan
che
ya
qian
shang
chang
lun
cang
xun
xin
wei
zhu
ze
xian
nu
bo
gu
ni
ni
xie
ban
xu
ling
zhou
shen
qu
ci
beng
si
jia
pi
yi
si
yi
zheng
dian
han
mai
dan
zhu 4F2B
bu 5E03
qu
bi
zhao
ci
wei
di
zhu
zuo
you
yang
ti
zhan 5360
he
bi
tuo
she
yu
yi
fu
zuo
gou
ning
tong
ni
xian
qu
yong
wa
qian
shi
ka
bao
pei
hui
he
lao
xiang
ge
yang
bai
fa
ming
jia
nai
bing 5E76
ji
hen
huo
gui
quan
tiao
jiao
ci
yi
shi
xing
shen
tuo
kan
zhi
gai
lai 6765
yi
chi
kua
guang
li
yin
shi
mi
zhu
xu
you
an
lu
mou
er
lun 4ED1
dong
cha
chi
xun
gong
zhou
yi
ru
cun
xia
si
dai
lu
ta
jiao
zhen
ce
qiao
kuai
chai
ning
nong
jin
wu
hou
jiong
cheng
zhen
zuo
chou
qin
lu 4FA3
ju 5C40
shu
ting
shen
tui
bo
nan
xiao
bian
tui
yu 4FE3
xi 7CFB
cu
e
qiu
xu
guang
ku
wu
jun
yi
fu
liang
zu
qiao
li
yong
hun
jing
qian 4F23
san
pei
su
fu
xi
li
fu
ping
bao
yu
qi
xia 4FA0
xin
xiu
yu
di
che
chou
zhi
yan
lia
li
lai
si 79C1
jian
xiu
fu
huo
ju 5177
xiao
pai
jian
biao
chu
fei
feng
ya
an
bei
yu
xin
bi
hu
chang 4F25
zhi
bing
jiu
yao
cui
lia 4FE9
wan
lai 4FEB
cang 4ED3
zong
ge 4E2A
guan
bei
tian
shu
shu
men 4EEC
dao
tan
jue
chui
xing 5E78
peng
tang
hou
yi
qi
ti
gan
jing
jie
sui
chang
jie
fang 4EFF
zhi
kong
juan
zong
ju
qian
ni
lun 4F26
zhuo
wo
luo
song
leng
hun
dong
zi
ben
wu
ju
nai
cai
jian
zhai
ye
zhi
sha
qing
ning
ying
cheng
qian
yan
ruan
zhong
chun
jia
ji
wei 4F1F
yu
bing
ruo
ti
wei
pian
yan
feng
tang
wo
e
xie
che
sheng
kan
di
zuo
cha
ting
bei
xie
huang
yao
zhan
chou
yan
you
jian
xu
zha
ci
fu
bi
zhi
zong
mian
ji
yi
xie
xun
cai
duan
ce 4FA7
zhen 4FA6
ou
tou
tou
bei
za
lou
jie
wei 4F2A
fen
chang
kui
sou
zhi
su
xia
fu
yuan
rong
li
nu
yun
jiang
ma
bang
dian
tang
hao
jie 6770
xi
shan
qian
jue
cang 4F27
chu
san 4F1E
bei 5907
xiao
yong
yao
tan
suo
yang
fa
bing
jia 5BB6
dai
zai
tang
gu
bin
chu
nuo
can
lei
cui
yong 4F63
zao
zong 506C
beng
song
ao
chuan 4F20
yu 4F1B
zhai 503A
zu
shang 4F24
chuang
jing
chi
sha
han
zhang
qing 503E
yan
di
xie
lou 507B
bei
piao
jin 4EC5
lian
lu 622E
man
qian 4F65
xian
tan
ying
dong
zhuan
xiang
shan
qiao 4FA8
jiong
tui
zun
pu 4EC6
xi
lao
chang
guang
liao
qi
cheng
chan
wei 4F2A
ji
bo
hui
chuan
tie
dan 2B8B8
jiao 4FA5
jiu
seng
fen 507E
xian
ju
e
jiao
jian
tong
lin
bo
gu 96C7
xian
su
xian
jiang
min
ye
jin
jia 4EF7
qiao
pi
feng
zhou
ai
sai
yi 4EEA
jun
nong 4FAC
chan
yi 4EBF
dang
jing
xuan
kuai 4FA9
jian 4FED
chu
dan
jiao
sha
zai
can
bin 50A7
an
ru
tai
chou 4FE6
chai 4FAA
lan
ni
jin 5C3D
qian
meng
wu
ning
qiong
ni
chang 507F
lie
lei
lu
kuang
bao
yu
biao
zan
zhi
si
you 4F18
hao
qing
chen
li
teng
wei
long
chu 50A8
chan
rang
shu
hui
li 4FEA
luo 3469
zan
nuo 50A9
tang 50A5
yan 4FE8
lei
nang
er
wu
yun
zan
yuan
xiong
chong
zhao
xiong 51F6
xian
guang
dui
ke
dui 5151
mian
tu
chang
er
dui
er 513F
jin
tu
si
yan
yan 5156
shi

dang
qian
dou
fen
mao
shen
dou

jing
li
huang
ru
wang
nei 5185
quan
liang 4E24
yu
ba
gong
liu
xi
han
lan
gong
tian
guan
xing
bing
qi
ju
dian
zi
fen
yang
jian
shou
ji
yi
ji
chan
jiong
mao
ran
nei
yuan
mao
gang
ran
ce 518C
jiong
ce
zai
gua
jiong
mao
zhou
mao
gou
xu
mian
mi
rong
yin
xie
kan
jun
nong
yi
mi
shi
guan
meng
zhong
ju
yuan
ming
kou
lin
fu
xie
mi 5E42
bing
dong
tai
gang
feng
bing
hu
chong
jue
hu
kuang
ye
leng
pan
fu
min
dong
xian
lie
qia
jian
jing
sou
mei
tu
qi
gu
zhun
song
jing 51C0
liang
qing
diao
ling
dong 51BB
gan
jian
yin
cou
ai
li
chuang
ming
zhun
cui
si
duo
jin
lin
lin 51DB
ning
xi
du
ji
fan
fan
fan
feng
ju
chu
zheng
feng
mu
zhi
fu
feng
ping
feng
kai
huang
kai 51EF
gan
deng
ping
qian
xiong
kuai
tu
ao
chu
ji
dang
han
han
zao
dao
diao
dao
ren
ren
chuang
fen
qie
yi
ji
kan
qian
cun
chu
wen
ji
dan
xing
hua
wan
jue
li
yue
lie
liu
ze
gang
chuang
fu
chu
qu
diao
shan
min
ling
zhong
pan
bie 522B
jie
jie
pao
li
shan 5220
bie
chan
jing
gua
geng
dao
chuang
kui
ku
duo
er
zhi
shua
quan
sha
ci
ke
jie
gui
ci
gui
kai
duo
ji
ti
jing 522D
lou
luo
ze 5219
yuan
cuo
xue
kei 514B
la
qian
sha 5239
chuang
gua
jian
cuo
li
ti
fei
pou
chan 522C
qi
chuang
zi
gang 521A
wan
bo 5265
ji
duo
qing
shan
du
jian
ji
bo
yan
ju
huo
sheng
jian
duo
duan
wu
gua 5250
fu
sheng
jian
ge
da
kai 5240
chuang 521B
chuan
chan 94F2
tuan
lu
li
peng
shan
piao
kou
jiao
gua
qiao
jue
hua 5212
zha
zhuo
lian
ju 5267
pi
liu 5218
gui 523D
jiao
gui 523F
jian 5251
jian
tang 34E5
huo
ji 5242
jian
yi
jian
zhi
chan
jian
mo
li
zhu 3509
li
ya
quan
ban
gong
jia
wu
mai
lie
jin
keng
xie
zhi
dong
zhu
nu
jie
qu
shao
yi
zhu
mo
li
jin
lao
lao
juan
kou
yang
wa
xiao
mou
kuang
jie
lie
he
shi
ke
jin 52B2
gao
bo
min
chi
lang
yong
yong
mian
ke
xun
juan
qing
lu
bu
meng
chi
lei
kai
mian
dong 52A8
xu
xu 52D6
kan
wu 52A1
yi
xun 52CB
weng
sheng 80DC
lao 52B3
mu
lu
piao
shi 52BF
ji 2A7DD
qin
jiang
chao
quan
xiang
yi 52DA
jue
fan
juan
tong
ju
dan
xie
mai 52A2
xun
xun 52CB
lu
li 52B1
che
rang
quan 529D
bao
shao
yun 5300
jiu
bao
gou
wu
yun
wen
xiong
gai
gai
bao
cong
yi
xiong
peng
ju
tao
ge
pu
e
pao
fu
gong
da
jiu
gong
bi
hua
bei
nao
shi
fang
jiu
yi
za
jiang
kang
jiang
kuang
hu
xia
qu
fan
gui
qie
zang
kuang
fei
hu
yu
gui 5326
kui
hui 6C47
dan
gui 532E
lian
lian
suan
du
jiu
jue
xi
pi
qu
yi
ke
yan
bian
ni
qu 533A
shi
xun
qian
nian
sa
zu
sheng
wu
hui
ban
shi
xi
wan
hua
xie
wan
bei
zu
zhuo
xie 534F
dan
mai
nan
dan
ji
bo
shuai
bo
kuang
bian
bu
zhan
ka
lu
you
lu
xi
gua
wo
xie
jie
jie
wei
ang
qiong
zhi
mao
yin
wei
shao
ji
que
luan
chi
juan
xie
xu 6064
jin
que 5374
wu
ji
e
qing
xi
san
chang
wei
e
ting
li
zhe
han
li
ya
ya
yan
she
di
zha
pang
ya
qie
ya
zhi
ce
mang
ti
li
she 538D
hou
ting
zui
cuo
fei
yuan
ce 5395
yuan
xiang
yan
li
jue
sha
dian
chu
jiu
jin
ao
gui
yan 538C
si
li
chang
lan
li 5389
yan
yan 53A3
yuan
si
gong
lin
rou
qu
qu
er
lei
du
xian
zhuan
san
can
can 53C2
can 53C1
can
ai
dai
you
cha
ji
you
shuang
fan
shou
guai
ba
fa
ruo
shi
shu
zhuo
qu
shou
bian
xu
xia
pan
sou
ji
wei
sou
die
rui
cong 4E1B
kou
gu
ju
ling
gua
dao
kou
zhi
jiao
zhao
ba
ding
ke
tai
chi
shi
you
qiu
po
ye
hao
si
tan
chi
le
diao
ji
liao
hong
mie
xu
mang
chi
ge
xuan
yao
zi
he
ji
diao
cun
tong
ming
hou
li
tu
xiang
zha 54A4
xia
ye
lu
a
ma
ou
huo
yi
jun
chou
lin
tun
yin
fei
bi
qin 5423
qin
jie
bu
fou
ba
dun
fen
e
han
ting
keng
shun
qi
hong
zhi
yin
wu 5434
wu
chao
na 5450
xue
xi
chui
dou
wen
hou
hong
wu
gao
ya
jun
lu 5415
e
ge
mei
dai
men
cheng
wu
gao
fu
jiao
hong
chi
sheng
na
tun
fu
yi
dai
ou
li
bei
yuan
guo
wen
qiang
wu
e
shi
juan
pen
wen
ne
m
ling
ran
you
di
zhou
shi
zhou
tie
xi
yi
qi
ping
zi
gu
ci
wei
xu
he
nao
xia
pei
yi
xiao
shen
hu
ming
da
qu
ju
han
za
tuo
duo
pou
pao
bi
fu
yang
he
za
he
hai
jiu
yong
fu
da
zhou
wa
ka
gu
ka
zuo
bu
long
dong
ning
ta
si
xian
huo
qi
er
e
guang
zha
xi
yi
lie
zi
mie
mi
zhi
yao
ji
zhou
ge
shu
zan
xiao
hai
hui
kua
huai
tao 5555
xian
e
xuan
xiu
guo 5459
yan
lao
yi
ai
pin
shen
tong
hong
xiong
duo
wa
ha
zai
you
die
pai
xiang
ai
gen
kuang
ya
da
xiao
bi
hui
nian
hua
xing
kuai
duo
fen
ji
nong
mou
yo
hao
yuan 5458
long
pou
mang
ge
o
chi
shao
li
na
zu
he
ku
xiao
xian
lao
bo
zhe
zha
liang
ba
mie
lie
sui
fu
bu
han
heng
geng
shuo
ge
you
yan
gu
gu
bei 5457
han
suo
chun
yi
ai
jia
tu
xian
wan
li
xi
tang
zuo
qiu
che
wu
zao
ya
dou
qi
di
qin 5423
mai
mo
hong
dou
qu
lao
liang
suo
zao
huan
lang
sha
ji
zu
wo
feng
jin
hu
qi
shou
wei
shua
chang
er
li
qiang
an
ze
yo
nian 5FF5
yu
tian
lai
sha
xi
tuo
hu
ai
zhao
nou
ken
zhuo
zhuo
shang
di
heng
lin
a
cai
xiang
tun
wu
wen 95EE
cui
sha
gu
qi 542F
qi
tao
dan
dan
ye
zi
bi
cui
chuai
he
ya 54D1
qi 542F
zhe
fei
liang 5521
xian
pi
sha
la
ze
ying
gua
pa
zhe
se
zhuan
nie
guo
luo
yan
di
quan
chan
bo
ding
lang
xiao
ju
tang
chi
ti
an
jiu
dan
ka
yong
wei
nan
shan
yu
zhe
la
jie
hou
han
die
zhou
chai
wai 359E
nuo
yu
yin
za
yao
o
mian
hu
yun
chuan
hui
huan 5524
huan
xi
he
ji
kui
zhong
wei
sha
xu
huang
duo
nie
xuan
liang 4EAE
yu
sang 4E27
chi 5403
qiao 4E54
yan
dan 5355
pen
can
li
yo 54DF
zha
wei
miao
ying
pen
bu
kui
xi
yu
jie
lou
ku
zao
hu
ti
yao
he
sha
xiu
qiang 545B
se 556C
yong
su
hong 551D
xie
ai
suo
ma 5417
cha
hai
ke
da
sang
chen
ru
sou
wa
ji
pang
wu 545C
qian
shi
ge
zi
jie
lao
weng
wa
si
chi
hao
suo

hai
suo 5522
qin
nie
he
zhi
sai
ng
ge
na
dia
ai
qiang
tong
bi 54D4
ao
ao
lian
zui
zhe
mo
sou
sou
tan
di
qi
jiao
chong
jiao
kai
tan 53F9
shan
cao
jia
ai
xiao
piao
lou 55BD
ga
gu
xiao
hu
hui
guo
ou 5455
xian
ze 5567
chang 5C1D
xu
po
de
ma
ma 551B
hu
lei
du
ga
tang
ye
beng
ying
sai
jiao
mi
xiao
hua 54D7
mai
ran
zuo
peng
lao 5520
xiao 5578
ji 53FD
zhu
chao
kui
zui
xiao 54D3
si
hao
fu 5452
liao
qiao
xi
chu
chan 5574
dan
hei
xun
e 2BAC7
zun
fan
chi
hui
zan
chuang
cu
dan
yu
tun
ceng
jiao
ye
xi
qi
hao
lian
xu 5618
deng
hui
yin
pu
jue
qin
xun 358A
nie
lu
si 549D
yan
ying
da 54D2
zhan
o
zhou
jin
nong 54DD
hui 54D5
xie
qi
e
zao
yi
shi
jiao
yuan
ai 55F3
yong
xue
kuai 54D9
yu
pen 55B7
dao
ga
hm
dun 5428
dang 5F53
xin
sai
pi
pi
yin
zui
ning 549B
di
lan
ta
huo
ru
hao
xia 5413
ye
duo
pi
chou
ji 54DC
jin
hao
ti
chang 5C1D
xun
me
ca
ti
lu 565C
hui
bo
you
nie 556E
yin
hu
me
hong
zhe
li
liu
hai
nang
xiao
mo
yan 54BD
li 5456
lu
long 5499
mo
dan
chen
pin
pi
xiang 5411
huo
mo
xi
duo 4EB8
ku 55BE
yan 4E25
chan
ying 5624
rang
dian
la
ta
xiao
jue
chuo
huan
huo
zhuan 556D
nie 55EB
xiao 56A3
ca
li
chan 5181
chai
li
yi 5453
luo 5570
nang
za
su
xi 79A7
zen
jian
za
zhu 5631
lan
nie 556E
nang
lan
lo
wei
hui
yin
qiu
si
nin
jian
hui
xin
yin
nan
tuan
tuan
dun
kang
yuan
jiong
pian
yun
cong 56F1
hu
hui
yuan
e
guo
kun
cong
tong
tu
wei
lun
guo
qun
ri
ling
gu
guo
tai
guo
tu
you
guo
yin
hun
pu
yu
han
yuan
lun 56F5
quan
yu
qing
guo 56FD
chui
wei 56F4
yuan
quan
ku
pu
yuan 56ED
yuan 5706
ya
tu
tu 56FE
tu
tuan 56E2
lue
hui
yi
huan
luan
luan
tu
ya
tu
ting
sheng
pu
lu
kuai
ya
zai
wei
ge
tuo
wu
gui
pi
yi
de
qian
qian
zhen
zhuo
dang
qia
xia
shan
kuang
chang
qi
nie
mo
ji
jia
zhi
zhi
ban
xun
yi
qin
mei
jun
rong
tun
fang
ben
ben
tan
kan
huai
zuo
keng
bi
jing
di
jing
ji
kuai
di
jing
jian
tan
li
ba
wu
fen
zhui
po
ban
tang
kun
qu
tan
zhi
tuo
gan
ping
dian
gua
ni
tai
pi
jiong
yang
fo
ao
lu
qiu
mu
ke
gou
xue
ba
di
che
ling
zhu
fu
hu
zhi
chui
la
long
long
lu
ao
dai
pao
min
xing
dong
ji
he
lu
ci
chi
lei
gai
yin
hou
dui
zhao
fu
guang
yao
duo
duo
gui
cha
yang
yin
fa
gou
yuan
die
xie
ken
shang
shou
e
bing
dian
hong
ya
kua
da
ka
dang
kai
hang
nao
an 57EF
xing
xian
yuan
bang
fu
ba
yi
yin
han
xu
chui
qin
geng
ai
beng
fang
que
yong
jun
jia
di
mai
lang
juan
cheng
shan
jin
zhe
lie
lie
bu
cheng
hua
bu
shi
xun
guo
jiong
ye
nian
di
yu
bu
ya 57AD
quan
sui
pi
qing
wan
ju
lun 2BB62
zheng
kong
tang
dong
dai
tan
an
cai 91C7
chu
beng
kan
zhi
duo
yi
zhi 6267
yi
pei
ji
zhun
qi
sao
ju
ni
ku
ke
tang
kun
ni
jian 575A
dui
jin
gang
yu
e 57A9
peng
gu
tu
leng
fang
ya
qian
kun
an
shen
duo
nao 57B4
tu
cheng
yin
hun
bi
lian
guo 57DA
die
zhuan
hou
bao
bao
yu
di
mao
jie
ruan
e
geng
kan
zong
yu
huang
e
yao 5C27
yan
bao 62A5
ji
mei
chang 573A
du
tuo
yin
feng
zhong
jie
jin
heng
gang
chun
jian
ping
lei
xiang
huang
leng
duan
wan
xuan
ji
ji
kuai 5757
ying 8314
ta
cheng
yong
kai 57B2
su
su
shi 57D8
mi
ta
weng
cheng
tu 6D82
tang
que
zhong 51A2
li
zhong
bang
sai
zang
dui
tian
wu 575E
zheng
xun 57D9
ge
zhen
ai
gong
yan
kan
tian
yuan
wen
xie
liu
hai
lang
chang
peng
beng
chen 5C18
lu
lu
ou 2BB5F
qian 5811
mei
mo
zhuan
shuang
shu
lou 2A8FB
chi
man
biao
jing
ce
shu
zhi
zhang
kan
yong
dian 57AB
chen
zhi
xi
guo
qiang
jin
di
shang
mu
cui
yan
ta
zeng
qian
qiang
liang
wei
zhui 5760
qiao
zeng
xu
shan 2BB83
shan
ba
pu
kuai
dong
fan
que
mo
dun
dun
zun
di
sheng
duo 5815
duo
tan
deng
mu
fen 575F
huang
tan
da 57AF
ye
zhu
jian
ao
qiang 5899
ji
qiao
ken 57A6
yi
pi
bi
dian
jiang
ye
yong
xue
tan 575B
lan
ju
huai
dang 57B1
rang
qian
xun 57D9
xian
xi
he
ai
ya 538B
dao
hao
ruan
jin
lei 5792
kuang 5739
lu 5786
yan
tan 575B
wei
huai 574F
long 5784
long 5785
rui
li 575C
lin
rang
chan
xun
yan
lei
ba 575D
wan 5846
shi
ren
san
zhuang
zhuang 58EE
sheng
yi
mai
ke
zhu
zhuang
hu
hu
kun
yi
hu 58F6
xu
kun 58F8
shou 5BFF
mang
zun
shou
yi
zhi
gu
chu
jiang
feng
bei
zhai
bian
sui
qun
ling
fu
cuo
xia
xiong
xie
nao
xia
kui
xi
wai
yuan
mao
su
duo
duo
ye
qing
wai
gou
gou 591F
qi
meng 68A6
meng
yin
huo 4F19
chen
da
ze
tian
tai
fu
guai
yao
yang
hang
gao
shi
tao
tai
tou
yan
bi
yi
kua
jia
duo
hua
kuang
yun
jia 5939
ba
en
lian
huan
di
yan
pao
juan
qi
nai
feng
xie
fen
dian
quan
kui
zou
huan 5942
qi
kai
zha
ben
yi
jiang
tao
zang
ben
xi
huang
fei
diao
xun
beng
dian
ao
she
weng
ha
ao
wu
ao 5965
jiang
lian 5941
duo 593A
yun
jiang 5956
shi
fen 594B
huo
bi
luan
duo
nu
nu
ding
nai
qian
jian
ta
jiu
nuan
cha 59F9
hao
xian
fan
ji
shuo
ru
fei
wang
hong
zhuang
fu
ma
dan
ren
fu
jing
yan
hai
wen
zhong
pa
du
ji
keng
zhong
yao
jin
yun
miao
fou
chi
yue
zhuang 5986
niu
yan
na
xin
fen
bi
yu
tuo
feng
yuan
fang
wu
yu
gui
du
ba
ni
zhou
zhuo
zhao
da
nai
yuan
tou
xian
zhi
e
mei
mo
qi
bi
shen
qie
e
he
xu
fa
zheng
min
ban
mu
fu
ling
zi
zi 59D0
shi
ran
shan 59D7
yang
man
jie
gu
si
xing
wei
zi
ju
shan
pin
ren
yao
dong
jiang
shu
ji
gai
xiang
hua
juan
jiao
gou
lao
jian 5978
jian
yi
nian
zhi 4F84
ji
ji
xian
heng
guang
jun
kua
yan
ming
lie
pei
e
you
yan
cha
shen
yin
shi
gui
quan
zi
song
wei
hong
wa
lou
ya
rao
jiao
luan
ping
xian
shao
li
cheng
xie
mang
fu
suo
mei
wei
ke
chuo
chuo
ting
niang
xing 2BC1B
nan
yu 5A31
na
pou
nei
juan
shen
zhi
han
di
zhuang
e
pin
tui
xian
mian
wu
yan
wu
ai
yan
yu
si
yu
wa
li
xian
ju
qu
zhui
qi
xian
zhuo
dong
chang
lu
ai
e
e
lou 5A04
mian
cong
pou
ju
po
cai
ling
wan
biao
xiao
shu
qi
hui
fan
wo
rui
tan
fei
fei
jie
tian
ni
quan
jing
hun
jing
qian
dian
xing
hu
wan
lai
bi
yin
zhou
chuo
fu 5987
jing
lun
an
lan
kun
yin
ya 5A05
ju
li
dian
xian
hua
hua
ying
chan
shen
ting
dang
yao
wu
nan
ruo
jia
tou
xu
yu
wei
di
rou
mei
dan
ruan
qin
hui
wo
qian
chun
miao
fu
jie
duan
yi
zhong
mei
huang
mian
an
ying
xuan
jie
wei
mei
yuan
zheng
qiu
shi
xie
tuo
lian
mao
ran
si
pian
wei
wa 5A32
cu
hu
ao
jie
bao
xu
tou
gui 59AB
chu
yao
pi
xi
yuan
ying
rong
ru
chi
liu
mei
pan
ao 5AAA
ma 5988
gou
kui
qin
jia
sao
zhen
yuan
jie
rong
ming
ying
ji
su
niao 8885
xian
tao
pang
lang
nao
bao
ai
pi
pin
yi
piao
yu 59AA
lei
xuan
man
yi
zhang
kang
yong
ni
li
di
gui
yan
jin
zhuan
chang
ze
han
nen
lao
mo
zhe
hu
hu
ao
nen
qiang
ma
pie
gu
wu 59A9
qiao
tuo
zhan
miao
xian
xian 5A34
mo
liao
lian
hua 5A73
gui 59AB
deng
zhi
xu 5AAD
yi
hua
xi
kui
rao 5A06
xi
yan
chan 5A75
jiao 5A07
mei
fan
fan
xian
yi
hui
jiao
fu
shi
bi
shan
sui
qiang 5AF1
lian
huan
xin
niao 8885
dong
yi
can
ai 5AD2
niang
ning
ma 5B37
tiao
chou
jin
ci
yu
pin 5AD4
rong
ru
nai
yan
tai
ying 5A74
qian
niao
yue
ying
mian
bi
mo
shen 5A76
xing
ni
du
liu
yuan
lan
yan
shuang
ling
jiao
niang 5A18
lan
xian
ying
shuang
hui
quan
mi
li
luan 5A08
yan
zhu
lan
zi
jie
jue
jue
kong
yun
ma
zi
cun
sun
fu
bei
zi
xiao
xin
meng
si
tai
bao
ji
gu
nu
xue
you
zhuan
hai
luan
sun 5B59
nao
mie
cong
qian
shu
chan
ya
zi
ni
fu
zi
li
xue 5B66
bo
ru
nai
nie
nie
ying
luan 5B6A
mian
ning
rong
ta
gui
zhai
qiong
yu
shou
an
tu
song
wan
rou
yao
hong
yi
jing
zhun
mi
zhu
dang
hong
zong
guan
zhou
ding
wan
yi
bao
shi
shi
chong
shen
ke
xuan
shi
you
huan
yi
tiao
shi
xian
gong
cheng
qun
gong 5BAB
xiao
zai
zha
bao
hai
yan
xiao
jia
shen
chen
rong
huang
mi
kou
kuan
bin
su
cai
zan
ji
yuan
ji
yin
mi
kou
qing
he
zhen
jian
fu
ning
bing
huan
mei
qin
han
yu
shi
ning
jin
ning
zhi
yu
bao
kuan
ning
qin
mo
cha
ju
gua
qin 5BDD
hu
wu
liao
shi 5B9E
ning 5B81
zhai
shen 5BA1
wei
xie 5199
kuan 5BBD
hui
liao
jun
huan
yi
yi
bao
qin
chong 5BA0
bao 5B9D
feng
cun
dui
si
xun
dao
lu
dui
shou
po
feng
zhuan
fu
she
ke 514B
jiang
jiang 5C06
zhuan 4E13
wei
zun
xun 5BFB
shu
dui 5BF9
dao 5BFC
xiao
jie
shao
er
er
er
ga
jian
shu
chen
shang
shang
mo
ga
chang
liao
xian
xian
kun
wang
wang
you
liao
liao
yao
mang
wang
wang
wang
ga
yao
duo
kui
zhong
jiu
gan
gu
gan
tui
gan
gan 5C34
shi
yin
chi
kao
ni
jin
wei
niao
ju
pi
ceng
xi
bi
ju
jie 5C4A
tian
qu
ti
jie
wu
diao
shi 5C38
shi
ping
ji
xie
zhen
xie 5C43
ni
zhan
xi
wei
man
e
lou
ping
ti 5C49
fei
shu
xie
tu
lu
lu 5C61
xi
ceng 5C42
lu
ju
xie
ju 5C66
jue
liao
jue
shu 5C5E
xi
che
tun
ni
shan
wa
xian
li
e
hui
hui
long
yi
qi
ren
wu
han
shen
yu
chu
sui
qi
ren
yue
ban
yao
ang
ya
wu
jie
e
ji
qian
fen
wan
qi
cen
qian
qi
cha
jie
qu
gang
xian
ao
lan
dao
ba
zuo
zuo
yang
ju
gang 5188
ke
gou
xue
po
li
tiao
qu
yan
fu
xiu
jia
ling
tuo
pi
ao
dai
kuang
yue
qu
hu
po
min
an
tiao
ling
chi
ping
dong
han
kui
xiu
mao
tong
xue
yi
bian
he
ba
luo
e
fu
xun
die
lu
en
er
gai
quan
dong
yi
mu
shi
an
wei
huan
zhi
mi
lie
ji
tong
wei
you
qia
xia
li
yao
jiao
zheng
luan
jiao
e
e
yu
xie
bu
qiao
qun
feng
feng
nao
li
you
xian 5C98
rong
dao 5C9B
shen
cheng
tu
geng
jun
gao
xia 5CE1
yin
wu
lang
kan
lao
lai
xian
que
kong
chong
chong
ta
lin
hua
ju
lai 5D03
qi
min
kun
kun 6606
zu
gu
cui
ya
ya
gang 5C97
lun
lun 4ED1
leng
jue
duo
zheng
guo
yin
dong
han
zheng 5CE5
wei
xiao
pi
yan
song
jie
beng
zu
ku
dong 5CBD
zhan
gu
yin
zi
ze
huang
yu
wai
yang
feng
qiu
yang
ti
yi
zhi
shi
zai
yao
e
zhu
kan
lu
yan
mei
han
ji
ji
huan
ting
sheng
mei
qian
wu
yu
zong
lan 5C9A
ke
yan
yan
wei
zong
cha
sui
rong
ke
qin
yu
qi
lou
tu
dui
xi
weng
cang
dang
rong
jie
kai
liu
wu
song
qiao
zi
wei
beng
dian
cuo
qian
yong
nie
cuo
ji
shi
ruo
song
zong
jiang
liao
kang
chan
die 2BD87
cen
ding
tu
lou 5D5D
zhang
zhan
zhan 5D2D
ao
cao
qu 5C96
qiang
cui
zui
dao
dao
xi
yu
pei
long
xiang
ceng
bo
qin 5D5A
jiao
yan
lao 5D02
zhan
lin
liao
liao
jin
deng
duo
zun
jiao 5CE4
gui
yao 5CE3
jiao
yao
jue
shan
yi 5CC4
xue 5CC3
nao
ye
ye
yi
nie
xian 5D04
ji
xie
ke
xi
di
ao 5C99
zui
wei
yi
rong 5D58
dao
ling 5CAD
jie
yu 5C7F
yue
yin
ru
jie
li
gui
long
long
dian
rong
xi
ju
chan
ying
kui 5CBF
yan
wei
nao
quan
chao
cuan
luan 5CE6
dian
dian 5DC5
nie
yan 5CA9
yan
yan 2AA58
kui
yan
chuan
kuai
chuan
zhou
huang
jing
xun
chao
chao
lie
gong
zuo
qiao
ju
gong
ju
wu
pu
pu
cha
qiu
qiu 5DEF
ji
yi
si
ba
zhi
zhao
xiang
yi
jin
xun
juan
ba
xun
jin
fu
za
bi
shi
bu
ding
shuai
fan
nie
shi
fen
pa
zhi
xi
hu
dan
wei
zhang
tang
dai
mo
pei
pa
tie
bo
lian
zhi
zhou
bo
zhi
di
mo
yi
yi
ping
qia
juan
ru
shuai 5E05
dai
zhen
shui
qiao
zhen
shi 5E08
qun
xi
bang
dai
gui
chou
ping
zhang 5E10
san
wan
dai 5E26
wei
chang
sha
qi
ze
guo
mao
du
hou
zheng 5E27
xu
mi
wei 5E0F
wo
fu
yi
bang
ping
die
gong
pan
huang
tao
mi
jia
teng
hui
zhong
shan
man
mu
biao
guo 5E3C
ze 5E3B
mu
bang
zhang
jing
chan
fu
zhi 5E1C
hu
fan
chuang
bi 5E01
bi
zhang
mi
qiao
chan
fen
meng
bang 5E2E
chou 5E31
mie
chu
jie
xian
lan
gan
ping
nian
jian
bing
bing
xing
gan 5E72
yao
huan
you
you
ji 51E0
guang
pi
ting
ze
guang
zhuang
mo
qing
bi
qin
dun
chuang
gui
ya
bai
jie
xu
lu
wu
zhuang
ku
ying
di
pao
dian
ya
miao
geng
ci
fu
tong
pang
fei
xiang
yi
zhi
tiao
zhi
xiu
du
zuo
xiao
tu
gui
ku 5E93
mang
ting
you
bu
bing
cheng
lai
bi
ji
an
shu
kang
yong
tuo
song
shu
qing
yu
yu
miao
sou
ce 5395
xiang 53A2
fei
jiu 53A9
e
wei
liu
sha 53A6
lian
lang
sou
zhi
bu
qing 5EBC
jiu
jiu
jin
ao
kuo
lou
yin
liao
dai
lu
yi
chu 53A8
chan
tu
si 53AE
xin 2BDF7
miao 5E99
chang 5382
wu 5E91
fei 5E9F
guang 5E7F
ku
kuai
bi
qiang
xie
lin 5EEA
lin
liao
lu 5E90
ji
ying
xian
ting
yong
li
ting 5385
yin
xun
yan
ting
di
pai
jian
hui 56DE
nai
hui
gong
nian
kai
bian
yi
qi
nong
fen
ju
yan
yi
zang
bi
yi
yi
er
san
shi
er
shi
shi 5F11
gong
diao 540A
yin
hu
fu
hong
wu
tui
chi
jiang
ba
shen
di
zhang
jue
tao
fu
di
mi
xian
hu
chao
nu
jing
zhen
yi
mi
quan
wan
shao
ruo
xuan
jing 5F2A
diao
zhang 5F20
jiang
qiang 5F3A
peng
dan
qiang
bi
bi
she
dan
jian
gou
ge
fa
bi
kou 2BE29
jian
bie 522B
xiao
dan 5F39
guo
jiang
hong
mi 5F25
guo
wan 5F2F
jue
ji
ji
gui
dang
lu
lu
tuan
hui
zhi
hui 6C47
hui
yi
yi
yi
yi 5F5D
yue
yue 5F5F
shan
xing
wen
tong
yan 5F66
yan
yu
chi
cai
biao
diao
bin
peng
yong
piao
zhang
ying
chi
chi
zhuo
tuo
ji
pang
zhong
yi
wang
che
bi
di
ling
fu 4F5B
wang
zheng
cu
wang
jing
dai
xi
xun
hen
yang
huai
lu
hou 540E
wang
cheng
zhi
xu
jing 5F84
tu
cong
zhi
lai
cong
de
pai
xi
dong
ji
chang
zhi
cong 4ECE
zhou
lai 5F95
yu
xie
jie
jian
shi
jia
bian
huang
fu 590D
xun
wei
pang 5F77
yao
wei
xi
zheng
piao
ti
de
zheng
zhi 5F81
bie
de
chong
che 5F7B
jiao
hui
jiao
hui
mei
long
xiang
bao
qu
xin
xin
bi
yi
le
ren
dao
ding
gai
ji
ren
ren
chan
tan
te
te
gan
qi
shi
cun
zhi
wang
mang
xi
fan
ying
tian
min
wen
zhong
chong
wu
ji
wu
xi
jia
you
wan
cong
song
kuai
yu
bian
zhi
qi
cui
chen
tai
tun
qian
nian
hun
xiong
niu
kuang
xian
xin
kang
hu
kai
fen
huai
tai
song
wu
ou
chang
chuang
ju
yi
bao
chao
min
pei
zuo
zen
yang
ju
ban
nu
nao
zheng
pa
bu
tie
hu
hu
ju
da
lian
si
chou
di
dai
yi
tu
you
fu
ji
peng
xing
yuan
ni
guai
fu
xi
bi
you
qie
xuan
cong
bing
huang
xu
chu
bi
shu
xi
tan
yong
zong
dui
mo
zhi
yi
shi
nen
xun
shi
xi
lao
heng 6052
kuang
mou
zhi
xie
lian
tiao
huang
die
hao
kong
gui
heng
xi
jiao
shu
si
hu
qiu
yang
hui
hui
chi
jia
yi
xiong
guai
lin
hui
zi
xu
chi 803B
shang
nu
hen
en
ke
dong
tian
gong
quan
xi
qia
yue
peng
ken
de
hui
e
xiao
tong
yan
kai
ce
nao
yun
mang
yong
yong
yuan
pi
kun
qiao
yue 60A6
yu
tu
jie
xi
zhe
lin
ti
han
hao
qie
ti
bu
yi
qian
hui
xi
bei
man
yi
heng
song
quan
cheng
kui
wu 60AE
wu
you
li
liang
huan
cong
yi
yue
li
nin
nao
e
que
xuan
qian
wu
min
cong
fei
bei
de 5FB7
cui
chang 6005
men 95F7
li
ji
guan
guan
xing
dao
qi 51C4
kong
tian
lun
xi
kan
gun
ni
qing
chou
dun
guo
zhan
jing
wan
yuan
jin
ji
lan
yu
huo
he
quan
tan
ti
ti
nie
wang
chuo
hu
hun
xi
chang
xin
wei
hui
e 6076
suo
zong
jian
yong
dian
ju
can
cheng
de
bei
qie
can
dan
guan
duo
nao 607C
yun 607D
xiang
zhui
die
huang
chun
qiong
re
xing
ce 607B
bian
min
zong
ti
qiao
chou
bei
xuan
wei
ge
qian
wei
yu
yu
bi
xuan
huan
min
bi
yi
mian
yong
kai
dang
yin
e
chen
mao
qia
ke
yu
ai 7231
qie 60EC
yan
nuo
gan
yun
zong
sai
leng
fen
ying
kui
kui
que 60AB
gong
yun
su
su
qi
yao
song
huang
ji
gu
ju
chuang 6006
ni
xie
kai 607A
zheng
yong
cao
xun
shen
bo
kai 5FFE
yuan
xi
hun
yong
yang
li 6817
sao
tao
yin 6BB7
ci
xu
qian
tai 6001
huang
yun 6120
shen
ming
gong
she
cong
piao
mu
mu
guo
chi
can 60E8
can
can 60ED
cui
min
te
zhang
tong 6078
ao
shuang
man
guan 60EF
que 60AB
zao
jiu
hui
kai
lian
ou 6004
song 6002
qin
yin
lu 8651
shang
wei
tuan
man
qian 60AD
she
yong
qing 5E86
kang
di
zhi
lou
juan
qi 621A
qi
yu 6B32
ping
liao
cong
you 5FE7
chong
zhi
tong
cheng
qi
qu
peng
bei 60EB
bie
qiong
jiao
zeng
chi
lian 601C
ping 51ED
kui 6126
hui
qiao
cheng
yin 616D
yin
xi
xi
dan 60EE
tan
duo
dui
dui
su
jue
ce
xiao
fan
fen 6124
lao
lao
chong
han
qi
xian
min 60AF
jing
liao
wu 6003
can
jue
cu
xian 5BAA
tan
sheng
pi
yi 5FC6
chu
xian
nao
dan
tan
jing
song
han
jiao
wei
xuan
dong
qin 52E4
qin
ju
cao
ken 6073
xie
ying 5E94
ao
mao
yi 603F
lin 61D4
se
jun
huai
men
lan
ai
lin
yan
kuo
xia
chi
yu
yin
dai
meng
ai
meng 8499
dui 603C
qi
mo
lan
men 61D1
chou
zhi
nuo
nuo
yan 6079
yang
bo
zhi
kuang
kuang
you 5FE7
fu
liu
mie
cheng 60E9
hui
chan
meng
lan 61D2
huai 6000
xuan 60AC
rang
chan 5FCF
ji
ju 60E7
huan
she 6151
yi
lian 604B
nan
mi
tang
jue
gang
gang
zhuang 6206
ge
yue
wu
jian
xu
shu
rong
xi
cheng
wo
jie
ge
jian 620B
qiang
huo
qiang
zhan
dong
qi
jia
die
zei
jia
ji
zhi
kan
ji
kui
gai
deng
zhan
qiang 6217
ge
jian 622C
jie
yu
jian
yan
lu
hu
zhan 6218
xi 622F
xi 620F
chuo
dai
qu
hu 6237
hu
hu
e
shi
ti
mao
hu
li
fang
suo
bian
dian
jiong
shang
yi
yi
shan
hu
fei
yan
shou
shou
cai
zha
qiu
le
pu
ba
da
reng
fan
ru
zai
tuo
zhang
diao
kang
yu
ku
han
shen
cha
tuo
gu
kou
wu
den
qian
zhi
ren
kuo
men
sao
yang
niu
ban
che
rao
xi
qian
ban
jia
yu
fu
ao
xi
pi
zhi
zhi
e
den
zhao
cheng
ji
yan
kuang
bian
chao
ju
wen
hu
yue
jue
ba
qin
dan
zheng
yun
wan
ne
yi
shu
zhua
pou
tou
dou
kang
zhe
pou
fu
pao
ba
ao
ze
tuan
kou
lun
qiang
yun
hu
bao
bing
zhi
peng
nan
bu
pi
tai
yao
zhen
zha
yang
bao
he
ni
ye
di
chi
pi
jia
mo
mei
chen
ya
chou
qu
min
chu
jia
fu
zha
zhu
dan
chai
mu
nian
la
fu
pao 629B
ban
pai
lin
na
guai
qian
ju
ta
ba
tuo
tuo
ao
ju
zhuo
pan
zhao
bai
bai
di
ni
ju
kuo
long
jian
qia
yong
lan
ning
bo
ze
qian
hen
kuo
shi
jie
zheng
nin
gong
gong
quan
shuan
cun
za
kao
yi
xie
ce
hui
pin
zhuai
shi
na
bai
chi
gua
zhi
kuo
duo
duo
zhi
qie
an
nong
zhen
ge
jiao
kua
dong
na
tiao
lie
zha
lu
die
wa
jue
lie
ju
zhi
luan
ya
wo
ta
xie
nao
dang
jiao
zheng
ji
hui
xian
yu
ai
tuo 635D
nuo
cuo
bo
geng
ti
zhen
cheng
sa
sa
keng
mei
nong
ju
peng
jian
yi
ting
shan
rua
wan
xie 631F
cha
feng
jiao
wu
jun
jiu
tong
kun
huo
tu
zhuo
pou
lu
ba
han
shao
nie
juan
ze
shu
ye
jue
bu
wan
bu
zun
ye
zhai
lu
sou
tuo
lao
sun
bang
jian
huan
dao
wei
wan
qin
peng
she 820D
lie
min
men 626A
fu
bai
ju
dao
wo
ai
juan 5377
yue
zong
chen
chui
jie
tu
ben
na
nian
ruo
zuo
wo
qi
xian
cheng
dian
sao 626B
lun 62A1
qing
gang
duo
shou
diao
pou
di
zhang
hun
ji
tao
qia
qi
pai
shu
qian
ling
ye
ya 631C
jue
zheng 6323
liang
gua 6302
yi
huo
yan
zheng
lue
cai 91C7
tan
che
bing
jie
ti
kong
tui
yan
cuo
zhou
ju
tian
qian
ken
bai
pa
jie
lu
guai
ming
jie
zhi
dan
meng
chan
sao
guan
peng
yuan
nuo
jian 62E3
zheng
jiu
jian
yu
yan
kui
nan
hong
rou
pi
wei
sai
zou
xuan
miao
ti
nie
cha
shi
zong
zhen
yi
xun
yong
bian
yang 626C
huan 6362
yan
zan
an
xu
ya
wo
ke
chuai
ji
ti
la
la
chen
kai
jiu
jiu
tu
jie
hui 6325
gen
chong
xiao
die
xie
yuan
qian
ye
cha
zha
bei
yao
wei
beng
lan
wen
qin
chan
ge
lou
zong
gen
jiao
gou 6784
qin
rong
que
chou
chuai
zhan
sun 635F
sun
bo
chu
rong
bang
cuo
sao
ke
yao 6447
dao 6363
zhi
nu
la
jian
sou
qiu
gao
xian
shuo
sang
jin
mie
e
chui 6376
nuo
shan 6247
ta 62D3
zha
tang
pan
ban
da
li
tao
hu
zhi
wa
hua
qian
wen 63FE
qiang 62A2
tian
zhen
e
xie
nuo
quan
cha
zha 69A8
ge
wu 6342
en
she
kang
she
shu
bai
yao
bin
sou
tan
sa
chan
suo
jiu
chong
chuang
guai 63B4
bing
feng
shuai
di
qi
sou
zhai
lian
cheng
chi
guan 63BC
lu
luo
lou 6402
zong
gai
hu
zha
chuang
tang
hua
cui
nai
mo
jiang
gui
ying
zhi
ao
zhi 631A
nie
man
chan
kou 62A0
chu
she
tuan 629F
jiao
mo
mo
zhe 6298
can 63BA
keng
biao
jiang
yao
gou
qian
liao
ji
ying
jue
pie
pie
lao 635E
dun
xian
ruan
gui
zan
yi
xian 6326
cheng 6491
cheng
sa
nao 6320
hong
si
han
guang
da
zun
nian 637B
lin
zheng
hui 39D1
zhuang
jiao 6322
ji
cao
dan 63B8
dan 63B8
che
bo 62E8
che
jue
fu
liao
ben
fu 629A
qiao
bo
cuo
zhuo
zhuan
wei
pu 6251
qin 63FF
dun
nian
hua
xie
lu
jiao
cuan
ta 631E
han
qiao
wo 631D
jian 6361
gan
yong 62E5
lei
nang
lu 63B3
shan
zhuo
ze 62E9
pu
chuo
ji 51FB
dang 6321
se
cao
qing
qing
huan
jie
qin
kuai 39DF
dan 62C5
xie
ka
pi
bo
ao
ju 636E
ye
e
meng
sou
mi
ji 6324
tai
zhuo
dao 6363
xing
lan
ca
ju
ye
ru
ye
ye
ni 62DF
wo
jie
bin 6448
ning 62E7
ge 6401
zhi 63B7
zhi
kuo 6269
mo
jian
xie 64B7
lie
tan
bai 6446
sou 64DE
lu 64B8
lue
rao 6270
ti
pan
yang
lei
ca
shu 6445
zan
nian 64B5
xian
jun
huo
li
la
huan
ying
lu
long 62E2
qian
qian
zan
qian
lan 62E6
xian
ying 6484
mei
rang
chan 6400
weng
cuan 64BA
xie 643A
she 6444
luo
jun
mi
chi
zan 6512
luan 631B
tan 644A
zuan
li
dian
wa
dang
jiao 6405
jue
lan 63FD
li
nang
zhi
gui
gui
qi
xun
pu
pu
shou
kao
you
gai
yi
gong
gan
ban
fang
zheng
po
dian
kou
min
wu
gu
he
ce
xiao
mi
chu
ge
di
xu
jiao
min
chen
jiu
shen
duo
yu
chi
ao
bai 8D25
xu 53D9
jiao
duo
lian
nie
bi
chang
dian
duo
yi
gan
san
ke
yan
dun
ji
tou
xiao
duo
jiao
jing
yang
xia
min
shu
ai
qiao
ai
zheng
di 654C
zhen
fu
shu 6570
liao
qu
xiong
yi
jiao
shan
jiao
zhuo
yi
lian 655B
bi 6BD9
li
xiao
xiao 6569
wen
xue
qi
qi
zhai
bin
jue
zhai
lang
fei
ban
ban
lan
yu
lan 6593
wei
dou
sheng
liao
jia
hu
xie
jia
yu
zhen
jiao
wo
tiao
dou
jin
chi
yin
fu
qiang
zhan
qu
zhuo
zhan 65A9
duan
cuo
si
xin
zhuo
zhuo
qin
lin
zhuo
chu
duan 65AD
zhu
fang
chan
hang
yu 4E8E
shi
pei
you
mei
pang
qi
zhan
mao
lu
pei
pi
liu
fu
fang
xuan
jing
jing
ni
zu
zhao
yi
liu
shao
jian
yu
yi
qi
zhi
fan
piao
fan
zhan
kuai
sui
yu
wu
ji
ji
ji
huo
ri
dan
jiu
zhi
zao
xie
tiao
xun
xu
ga
la
gan
han
tai
di
xu
chan
shi
kuang
yang
shi
wang
min
min
tun
chun
wu
yun
bei
ang
ze
ban
jie
kun
sheng 5347
hu
fang
hao
gui
chang
xuan
ming
hun
fen
qin
hu
yi
xi
xin
yan
ze
fang
tan
shen
ju
yang
zan
bing
xing
ying
xuan
po
zhen
ling
chun
hao
mei
zuo
mo
bian
xu
hun
zhao
zong
shi
shi
yu
fei
die
mao
ni
chang
wen
dong
ai
bing
ang
zhou
long
xian
kuang
tiao
chao
shi 65F6
huang
huang
xuan
kui
xu
jiao
jin 664B
zhi
jin
shang
tong
hong
yan
gai
xiang
shai
xiao
ye
yun
hui
han
han
jun
wan
xian 2C02A
kun
zhou 663C
xi
cheng
sheng
bu
zhe
zhe
wu
wan
hui
hao
chen
wan
tian
zhuo
zui
zhou
pu
jing
xi
shan
ni
xi
qing
qi
jing
gui
zheng
yi
zhi
an
wan
lin
liang
chang
wang
xiao
zan
fei
xuan
geng
yi
xia
yun 6655
hui 6656
xu
min
kui
ye
ying
shu
wei 2C029
shu
qing
mao
nan
jian
nuan
an
yang 65F8
chun
yao
suo
pu
ming
jiao
kai
gao
weng
chang 7545
qi
hao
yan
li
ai
ji
ji
men
zan 6682
xie
hao
mu
mo
cong
ni 6635
zhang
hui
bao
han
xuan
chuan
liao
xian
tan
jing
pie
lin
tun
xi
yi
ji
huang
dai
ye 6654
ye
li 5386
tan 6619
tong
xiao 6653
fei
shen
zhao
hao
yi
xiang 5411
xing
shen
jiao
bao
jing
yan
ai 66A7
ye
ru
shu
meng
xun
yao
pu
li
chen
kuang 65F7
die
liao
yan
huo
lu
xi
rong
long 663D
nang
luo
luan
shai 6652
tang
yan
zhu
yue
yue
qu
ye
geng
ye
hu
he
shu 4E66
cao
cao
sheng
man
ceng
ceng
ti
zui
can
xu
hui 4F1A
yin
qie
fen
pi
yue
you
ruan
peng
fen
fu
ling
fei
qu
ti
nu
tiao
shuo
zhen
lang
lang
zui
ming
huang
wang
tun
chao
ji
qi
ying
zong
wang
tong
lang
lao
meng
long 80E7
mu
deng
wei
mo
ben
zha
shu
shu
mu
zhu
ren
ba
pu
duo
duo
dao
li
gui
ji
jiu
bi
xiu
cheng
ci
sha
ru
za
quan
qian
yu
gan
wu
cha
shan
xun
fan
wu
zi
li
xing
cai
cun
ren
biao
tuo
di
zhang
mang
chi
yi
gai
gong
du
li
qi
shu
gang
tiao
jie
mian
wan
lai
jiu
mang
yang
ma
miao
si
yuan
hang
fei
bei
jie
dong 4E1C
gao
yao
xian
chu
chun
pa
shu
hua
xin
chou
zhu
chou
song
ban
song
ji
wo
jin
gou
ji
mao
pi
bi
wang
ang
fang
fen
yi
fu
nan
xi
hu
ya 4E2B
dou
xin
zhen
yao
lin
rui
e
mei
zhao
guo
zhi
cong
yun
hua
sheng
shu
zao
di
li
lu
jian
cheng
song
qiang
feng
zhan
xiao
xian
ku
ping
tai
xi
zhi
guai
xiao
jia
jia
gou
bao
mo
yi
ye
ye
shi
nie
bi
tuo
yi
ling
bing
ni
la
he
ban
fan
zhong
dai
ci
yang
fu
bai
mou
gan
qi
ran
rou
mao
shao
song
zhe
xia
you
shen
gui
tuo
zha
nan
ning
yong
di
zhi
zha
cha
dan
gu
bu
jiu
ao
fu
jian
ba
duo
ke
nai
zhu
bi
liu
chai
shan 6805
si
zhu
pei
shi
guai
zha
yao
cheng
jiu
shi
zhi
liu
mei
li
rong
zha
zao
biao
zhan
zhi
long
dong
lu
sheng
li
lan
yong
shu
xun
shuan
qi
zhen
qi
li
yi
xiang
zhen
li
se
gua
kan
ben
ren
xiao
bai
ren
bing
zi
chou
yi
ci
xu
zhu
jian
zui
er
er
you
fa
gong
kao
lao
zhan
lie
yin
yang
he
gen
yi
shi
ge
zai
luan
fu
jie
heng
gui
tao
guang
wei
kuang
ru
an
an
juan
yi
zhuo
ku
zhi
qiong
tong
sang
sang
huan
jie
jiu
xue
duo
zhui
yu
zan

ying
jie
liu
zhan
ya
rao
zhen
dang
qi
qiao
hua
gui
jiang
zhuang
xun
suo
sha
zhen
bei
ting
kuo
jing
po
ben
fu
rui
tong
jue
xi
lang
liu
feng
qi
wen
jun
gan 6746
su
liang
qiu
ting
you
mei
bang
long
peng
zhuang
di
xuan
tu
zao
ao
gu
bi
di
han
zi
zhi 6800
ren
bei
geng
jian 67A7
huan
wan
nuo
jia 2C0A9
tiao 6761
ji
xiao 67AD
lu
hun
shao
chen
fen
song
meng
wu
li
li
dou
qin
ying
suo
ju
ti
xie
kun
zhuo 68C1
shu
chan
fan
wei
jing
li
bin
xia
fo
tao
zhi
lai
lian
jian
zhuo
ling
li
qi 5F03
bing
lun
cong
qian
mian
qi
qi
cai
gun
chan
de
fei
pai
bang
bei
hun
zong
cheng 67A8
zao 67A3
ji
li
peng
yu
yu
gu
jun
dong 680B
tang
gang 3B4E
wang
di
cuo
fan
cheng
zhan 6808
qi
yuan
yan
yu
quan
yi
sen
ren
chui
leng
qi 6816
zhuo
fu
ke
lai 68BE
zou
zou
zhao
guan
fen
fen
shen
qing
ni
wan
guo
lu
hao
jie
yi
chou
ju
ju
cheng
zuo
liang
qiang
zhi
zhui
ya 6860
ju
bei
jiao
zhuo
zi
bin
peng
ding
chu
chang
men
hua
jian
gui
xi
du
qian
dao
gui
dian
luo
zhi
quan
ming
fu
geng
peng
shan
yi
tuo
sen
duo
ye
fu
wei
wei
duan
jia
zong
jian
yi
shen
xi
yan
yan
chuan
jian
chun
yu
he
zha
wo
pian
bi
yao
huo
xu
ruo
yang 6768
la
yan
ben
hui
kui
jie
kui
si
feng 67AB
xie
tuo
zhi
jian
mu
mao
chu
hu
hu
lian
leng
ting
nan
yu
you
mei
song
xuan
xuan
yang
zhen 6862
pian
die
ji
jie
ye 4E1A
chu
dun
yu
zou
wei
mei
ti
ji 6781
jie
kai
qiu
ying
rou
huang
lou
le
quan
xiang
pin
shi
gai
tan
lan
wen
yu
chen
lu
ju
shen
chu
bi
xie
jia
yi
zhan
fu
nuo
mi
lang
rong
gu 8C37
jian
ju
ta
yao
zhen
bang
sha
yuan
zi
ming
su
jia
yao
jie
huang
gan
fei
zha
qian
ma 6769
sun
yuan
xie
rong 8363
shi
zhi
cui
wen 6985
ting
liu
rong
tang
que
zhai
si
sheng
ta
ke
xi
gu
qi 6864
gao
gao
sun
pan
tao
ge
chun
dian
nou
ji
shuo
gou 6784
chui
qiang 67AA
cha
qian
huai
mei
xu
gang 6760
gao
zhuo
tuo 6A50
qiao
yang
dian
jia
kan
zui
dao
long
bin
zhu
sang
xi
ji
lian 68BF
hui
yong
qian 6920
guo 6901
gai
gai
tuan
hua
qi
sen
cui
peng
you
hu
jiang 6868
hu
huan
gui
nie
yi
gao
kang
gui
gui
cao
man
jin
di
zhuang 6869
le 4E50
lang
chen
cong 679E
li
xiu
qing
shuang
fan
tong
guan
ze
su
lei
lu
liang 6881
mi
lou 697C
chao
su
ke
chu
tang
biao 6807
lu
jiu
zhe
zha
shu 67A2
zhang
man
mo
niao
yang 6837
tiao
peng
zhu
sha
xi
quan
heng
jian
cong
ji
yan
qiang
xue
ying
er
xun
zhi
qiao
zui
cong
pu 6734
shu 6811
hua 6866
kui
zhen
zun
yue
shan
xi
chun
dian
fa
gan
mo
wu
qiao
rao 6861
lin
liu
qiao 6865
xian
run
fan
zhan
tuo
liao
yun
shun
dun
cheng
tang
meng
ju
cheng
su
jue
jue
dian
hui
ji 673A
nuo
xiang
tuo 692D
ning
rui
zhu
tong
zeng
fen
qiong
ran
heng 6A2A
qian
gu
liu
lao
gao
chu
xi
sheng
zi
san
ji
dou
jing
lu
jian
chu
yuan
ta
shu
jiang
tan
lin 6AA9
nong
yin
xi
hui
shan
zui
xuan
cheng 67FD
gan
ju
zui
yi
qin
pu
yan
lei
feng
hui
dang 6863
ji
sui
bo
ping
cheng
chu
zhua
gui 6867
ji 696B
jie
jia 69DA
qing
zhai
jian 68C0
qiang 6A2F
dao
yi
biao
song
she
lin
li
cha
meng
yin
tao 68BC
tai 53F0
mian
qi
tuan
bin 69DF
huo
ji
qian
ni
ning 67E0
yi
gao
kan 69DB
yin
nou
qing
yan
qi
mi
zhao
gui 67DC
chun
ji
kui
po
deng
chu
ge
mian
you
zhi 2C0CA
huang
qian
lei
lei
sa
lu 6A79
li
cuan
lu
mie
hui
ou
lu 6988
zhi 6809
gao
du 691F
yuan 6A7C
li 680E
fei
zhuo
sou
lian
jiang
chu 6A71
qing
zhu 69E0
lu 680C
yan
li 67A5
zhu 6A65
chen 6987
jie
e
su
huai
nie 8616
yu
long 680A
lai
jiao
xian
gui
ju 6989
xiao
ling 68C2
ying 6A31
jian
yin
you
ying
xiang
nong
bo
chan
lan 680F
ju
shuang
she
wei
cong
quan 6743
qu
cang
jiu
yu
luo 6924
li
cuan
luan 683E
dang 235CB
jue
yan
lan 6984
lan
zhu
lei
li
ba
nang
yu
ling 68C2
guang
qian
ci
huan
xin
yu
yi
qian
ou
xu
chao
chu
qi
kai
yi
jue
xi
xu
he
yu
kui
lang
kuan 6B3E
shuo
xi
ai
qi
qi
xu
chi
qin 94A6
kuan
kan
kuan
kan
chuan
sha
gua
yin
xin
xie
yu
qian
xiao
ye
ge
wu
tan 53F9
jin
ou 6B27
hu
ti
huan
xu
pen
xi
xiao
chua
she
shan
han 655B
chu
yi
e
yu 6B24
chuo
huan 6B22
zhi
zheng
ci
bu
wu
qi
bu
bu
wai
ju
qian
chi
se
chi
se
zhong
sui 5C81
sui
li
ze
yu
li 5386
gui 5F52
dai
e
si
jian
zhe
mo
mo 6B81
yao
mo
cu
yang
tian
sheng
dai
shang
xu
xun
shu
can
jue
piao
qia
qiu
su
qing
yun
lian
yi
fou
zhi
ye
can 6B8B
hun
dan
ji
die
zhen
yun 6B92
wen
chou
bin
ti
jin
shang 6B87
yin
diao
jiu
hui 3C6E
cuan
yi
dan 6B9A
du
jiang
lian 6B93
bin 6BA1
du 3C69
jian
jian 6B7C
shu
ou
duan
zhu
yin
qing
yi
sha 6740
qiao
ke 58F3
xiao
xun
dian
hui 6BC1
hui
gu
qiao
ji
yi
ou 6BB4
hui
duan
yi
xiao
wu
guan
mu
mei
mei
ai
jie
du
yu
bi
bi
bi
pi
pi
bi
chan
mao
hao
cai
pi
lie
jia
zhan
sai
mu
tuo
xun
er
rong
xian
ju
mu
hao
qiu 7403
dou
sha
tan
pei
ju
duo
cui
bi
san
san
mao
sai
shu
shu
tuo
he
jian
ta
san 6BF5
lu
mu
mao 7266
tong
rong
chang
pu
lu
zhan 6BE1
sao
zhan
meng
lu 6C07
qu
die
shi
di
min
jue
mang
qi
pie
nai
qi
dao
xian
chuan
fen
yang
nei
bin
fu
shen
dong
qing
qi 6C14
yin
xi
hai
yang
an
ya
ke
qing 6C22
ya 6C29
dong
dan
lu
qing
yang
yun
yun 6C32
shui
shui
zheng
bing
yong
dang 51FC
shui
le
ni
tun
fan 6CDB
jiu
ting
zhi
qiu
bin
ze
mian
cuan
hui
diao
han
cha
zhuo
chuan
wan
fan 6CDB
da
xi
tuo
mang
qiu
qi
shan
pin
han
qian
wu 6C61
wu
xun
si
ru
gong
jiang
chi
wu
tu
jiu
tang
zhi
zhi
qian
mi
gu
wang
jing
jing
rui
jun
hong
tai
quan
ji
bian
bian
gan
wen
zhong
fang
xiong
jue 51B3
hu
niu
qi
fen
xu
xu
qin
yi
wo
yun
yuan
hang
yan
shen
chen
dan
you
dun
hu 51B1
huo
qi
mu
nu
mei 6CA1
da
mian
mi
chong 51B2
pang
bi
sha
zhi
pei
pan
zhui
za
gou
liu
mei
ze
feng
ou
li
lun
cang
feng
wei
hu
mo
mei
shu
ju
za
tuo
tuo
tuo
he
li
mi
yi
fa
fei
you
tian
zhi
zhao
gu
zhan
yan
si
kuang 51B5
jiong
ju
xie
qiu
yi
jia
zhong
quan
po
hui
mi
ben
ze
zhu
le
you
gu
hong
gan
fa
mao
si
hu
ping
ci
fan
zhi
su
ning
cheng
ling
pao
bo
qi
si
ni
ju
sa
zhu
sheng
lei
xuan
jue
fu
pan
min
tai
yang
ji
yong
guan
beng
xue
long
lu
dan
luo
xie
po
ze
jing
yin
pan
jie
ye
hui
hui
zai
cheng
yin
wei
hou
jian
yang
lie
si
ji
er
xing
fu
sa
qi
zhi
yin
wu
xi
kao
zhu
jiang
luo
luo
an
dong
ti
mou
lei
yi
mi
quan
jin
po
wei
xiao
xie 6CC4
hong
xu
su
kuang
tao
qie
ju
er
zhou
ru
ping
xun
xiong 6C79
zhi
guang
huan
ming
huo
wa
qia
pai
wu
qu
liu
yi
jia
jing
qian
jiang
jiao
zhen
shi
zhuo
ce
fa
hui
ji
liu
chan
hun
hu
nong
xun
jin
lie
qiu
wei
zhe
jun
han
bang
mang
zhuo
you
xi
bo
dou
huan
hong
yi
pu
ying
lan
hao
lang
han
li
geng
fu
wu
lian
chun
feng
yi
yu
tong
lao
hai
jin
jia 6D43
chong
jiong
mei
sui
cheng
pei 2C1D9
xian
shen
tu
kun
ping
nie
han
jing 6CFE
xiao
she
nian
tu
yong
xiao
xian
ting
e
su
tun
juan
cen
ti
li
shui
si
lei
shui
tao
du
lao
lai
lian
wei
wo
yun
huan
di
heng
run
jian
zhang
se
fu
guan
xing
shou
shuan
ya
chuo
zhang
ye
kong
wo
han
tuo
dong
he
wo
ju
she
liang 51C9
hun
ta
zhuo
dian
qie
de
juan
zi
xi
xiao
qi
gu
guo
yan
lin
tang
zhou
peng
hao
chang
shu
qi 51C4
fang
zhi
lu
nao
ju
tao
cong
lei 6CEA
zhe
peng
fei
song
tian
pi
dan
yu
ni
yu
lu 6E0C
gan
mi
jing 51C0
ling
lun 6CA6
yin
cui
qu
huai
yu
nian
shen
biao
chun
hu
yuan 6E0A
lai 6D9E
hun
qing
yan
qian 6D45
tian
miao
zhi
yin
bo
ben
yuan
wen
ruo
fei
qing
yuan
ke
ji
she
yuan
se
lu
zi
du
yi
jian
mian
pai
xi
yu
yuan
shen
shen
rou
huan 6DA3
zhu
jian 51CF
nuan
yu
qiu
ting
qu
du
fan 6CA8
zha
bo
wo
wo 6DA1
di
wei
wen
ru
xie
ce 6D4B
wei
he
gang
yan
hong
xuan
mi
ke
mao
ying
yan
you
hong
miao
sheng
mei
zai
hun 6D51
nai
gui
chi
e
pai
mei
lian
qi
qi
mei
tian
cou 51D1
wei 23C97
can
tuan
mian
hui
mo
xu
ji
pen
jian
jian
hu
feng
xiang
yi
yin
zhan
shi
jie
cheng 6D48
huang
tan
yu
bi
min
shi
tu
sheng
yong 6D8C
ju
dong
tuan
jiao
jiao
qiu
yan
tang 6C64
long
huo
yuan
nan
ban
you
quan
zhuang
liang
chan
xian
chun
nie
zi
wan
shi
man
ying
la
kui
feng
jian
xu
lou
wei 6CA9
gai
bo
ying
po
jin
yan
tang
yuan
suo
yuan
lian
yao
meng
zhun 51C6
cheng
ke
tai
da
wa
liu
gou 6C9F
sao
ming
zha
shi
yi
lun
ma
pu
wei
li
zai
wu
xi
wen 6E29
qiang
ze
shi 6D49
su
ai
qin
sou
yun 6DA2
xiu
yin
rong
hun
su
suo
ni
ta
shi 6E7F
ru
ai
pan
chu
chu
pang
weng
cang 6CA7
mie 706D
ge
dian
hao
huang
xi
zi
di 6DA4
zhi
xing 8365
fu
jie
hua
ge
zi
tao
teng
sui
bi
jiao
hui
gun
yin
gao
long
zhi
yan
she
man
ying
chun
lu
lan
luan
yao
bin
tan
yu
xiu
hu 6CAA
bi
biao
zhi 6EDE
jiang
kou
shen 6E17
shang
di
mi
ao
lu 5364
hu 6D52
hu
you
chan 6D50
fan
yong
gun 6EDA
man 6EE1
qing
yu 6E14
piao
ji
ya
chao
qi
xi
ji
lu
lou 6E87
long
jin
guo 2C1F9
cong
lou
zhi
gai
qiang
li
yan
cao
jiao
cong
chun
tuan
ou 6CA4
teng
ye
xi
mi
tang
mo
shang
han 6C49
lian 6D9F
lan
wa
chi
gan
feng
xuan
yi
man
zi 6E0D
mang
kang
luo
peng
shu
zhang 6DA8
zhang
chong
xu 6E86
huan
huo
jian 6E10
yan
shuang
liao
cui
ti
yang
jiang 6D46
cong
ying 988D
hong
xiu
shu
guan
ying
xiao
zong
kun
xu
lian
zhi
wei
pi
yu
jiao
po 6CFC
dang
hui
jie 6D01
wu 23C98
pa
ji
pan
wei 6CA9
su
qian 6F5C
qian
xi
lu
xi
xun
dun
huang
min
run 6DA6
su
liao
zhen
cong
yi
zhe
wan
shan
tan
chao
xun 6D54
kui 6E83
ye
shao
tu
zhu
sa
hei
bi 6ED7
shan
chan
chan
shu
tong
pu
lin
wei 6DA0
se 6DA9
se
cheng
jiong
cheng
hua
jiao 6D47
lao 6D9D
che
gan
cun
hong
si
shu
peng
han
yun 6C84
liu
hong
fu
hao
he
xian
jian 6DA7
shan
xi
yu
lu
lan
ning
yu
lin
mian 6E11
zao
dang
huan
ze 6CFD
xie
yu 6EEA
li
shi
xue 6CF6
ling
wan 2C1D5
zi
yong
hui 6D4D
can
lian
dian 6DC0
ye
ao
huan
zhen
chan
man
dan
dan
yi
sui
pi
ju
ta
qin
ji
zhuo 6D4A
lian
nong 6D53
guo
jin
fen 23E23
se
ji
sui
hui
chu
ta
song
ding
se
zhu
lai
bin
lian
mi
shi 6E7F
shu
mi
ning 6CDE
ying
ying 6E81
meng
jin 6D55
qi
bi
ji 6D4E
hao
ru
cui
wo
tao 6D9B
yin
yin
dui
ci
huo
qing
lan 6EE5
jun 6D5A
ai
pu
zhuo
wei 6F4D
bin 6EE8
gu
qian
ying
bin
kuo
fei
cang
me
jian 6E85
wei
luo 6CFA
zan
lu 6EE4
li
you
yang
lu 6F9B
si
zhi
ying 6EE2
du 6E0E
wang 3CBF
hui
xie 6CFB
pan
shen 6C88
biao
chan
mo
liu 6D4F
jian
pu
se
cheng
gu
bin 6FD2
huo
xian
lu 6CF8
qin
han
ying
rong
li 6CA5
jing
xiao 6F47
ying 6F46
sui
wei
xie
huai
xue
zhu 6F74
long 6CF7
lai 6FD1
dui
fan
hu
lai
shu
ling
ying
mi 5F25
ji
lian 6F4B
jian
ying
fen
lin
yi
jian
yue
chan
dai
rang
jian
lan 6F9C
fan
shuang
yuan
zhuo
feng 6CA3
she 6EE0
lei
lan
cong
qu
yong
qian
fa
guan
jue
yan
hao
ying
sa 6D12
zan
luan
yan
li 6F13
mi
shan
tan 6EE9
dang
jiao
chan
ying
hao 704F
ba
zhu
lan 6F24
lan
nang
wan 6E7E
luan 6EE6
xun
xian
yan 6EDF
gan
yan
yu
huo
biao
mie
guang
deng
hui
xiao
xiao
hui
hong
ling
zao
zhuan
jiu
zha
xie
chi
zhuo
zai 707E
zai
can
yang
qi
zhong
fen
niu
jiong
wen
pu
yi
lu
chui
pi
kai
pan
yan
kai
pang
mu
chao
liao
que
kang
dun
guang
xin
zhi
guang
guang
wei
qiang
bian
da
xia
zheng
zhu
ke
zhao
fu
ba
xie
xie
ling
zhuo
xuan
ju
tan
pao
jiong
pao
tai
tai
bing
yang
tong
shan
zhu
zha
dian
wei 4E3A
shi
lian
chi
huang
zhou
hu
shuo
lan
ting
jiao
xu
heng
quan
lie
huan
yang
xiu
xiu
xian
yin
wu 4E4C
zhou
yao
shi
wei
tong
mie
zai
kai
hong
lao
xia
zhu
xuan
zheng
po
yan
hui
guang
che
hui
kao
ju
fan
shao
ye
hui

tang
jin
re
lie
xi
fu
jiong
xie
pu
ting 70C3
zhuo
ting
wan
hai
peng
lang
yan
xu
feng
chi
rong
hu
xi
shu
he
xun
ku
juan
xiao
xi
yan
han
zhuang
jun
di
xie
ji
wu
yan
lu
han
yan
huan
men
ju
tao
bei
fen
lin
kun
hun
tun
xi
cui
wu 65E0
hong
chao
fu
wo
jiao
cong
feng
ping
qiong
ruo
xi
qiong
xin
chao
yan
yan
yi
jue
yu
gang
ran
pi
xiong
gang
sheng
chang
shao
xiong
nian
geng
wei
chen
he
kui
zhong
duan
xia
hui
feng
lian 70BC
xuan
xing
huang
jiao
jian
bi
ying
zhu
wei 709C
tuan
shan
xi
nuan
nuan
chan
yan 70DF
jiong
jiong
yu
mei
sha
wei
zha
jin
qiong 8315
rou
mei
huan 7115
xu
zhao
wei
fan 70E6
qiu
sui
yang 7080
lie
zhu
jie
zao
gua 3DBD
bao
hu
yun
nan
shi
liang
bian
gou
tui
tang
chao
shan
en
bo
huang
xie
xi
wu
xi
yun 7174
he
he
xi
yun
xiong
nai
shan
qiong
yao
xun
mi
lian
ying 8367
wu
rong
gong
yan
qiang 709D
liu
xi
bi
biao
cong
lu
jian
shu
yi
lou
peng
sui
yi
teng
jue
zong
yun
hu
yi
zhi
ao
wei
liu
han
ou 2C27C
re 70ED
jiong 988E
man
kun
shang
cuan
zeng
jian
xi
xi
xi
yi
xiao
chi 70BD
huang
chan 2C2A4
ye 70E8
tan
ran
yan 7130
xun
qiao
jun
deng 706F
dun 7096
shen
jiao
fen
si
liao
yu
lin 78F7
tong
shao 70E7
fen
fan
yan
xun 2C288
lan
mei
tang 70EB
yi
jiong
men 7116
jing
jiao
ying 8425
yu
yi
xue
lan
tai
zao
can 707F
sui
xi
que
zong
lian
hui 6BC1
zhu 70DB
xie
ling
wei
yi
xie
zhao
hui 70E9
da
nong 3DB6
lan
ru
xian
he
xun 718F
jin 70EC
chou
dao 7118
yao 8000
he
lan
biao
rong
li
mo
bao
ruo
lu
la
ao
xun
kuang
shuo 70C1
liao
li
lu 7089
jue
liao
yan
xi
xie
long
ye
can
rang
yue
lan 70C2
cong
jue
chong
guan
ju
che
mi
tang
lan
zhu
lan
ling
cuan
yu
zhao
zhao
pa
zheng 4E89
pao
cheng
yuan
ai
wei 4E3A
han
jue
jue
fu
ye
ba
die
ye 7237
yao
zu
shuang
er 5C14
pan
chuang 5E8A
ke
zang
die
qiang
yong
qiang 5899
pian
ban
pan
chao
jian 7B3A
pai
du
chuang
yu
zha
bian
die
bang
bo
chuang
you
you
du 724D
ya
cheng
niu
niu
pin
jiu
mou
ta
mu
lao
ren
mang
fang
mao
mu
gang
wu
yan
ge
bei
si
jian
gu
you
ge
sheng
mu
di
qian
quan
quan
zi
te
xi
mang
keng
qian 7275
wu
gu
xi
li
li
pou
ji
gang
zhi
ben
quan
chun
du
ju
jia
jian
feng
pian
ke
ju
kao
chu
xi
bei
luo 8366
jie
ma
san
wei
mao
dun
tong
qiao
jiang
xi
li
du 728A
lie
pai
piao
bo
xi 727A
chou
wei
kui
chou
quan
quan
ba
fan
qiu
ji
chai
zhuo
an
ge
zhuang
guang
ma
you
kang
bo
hou
ya
yin
huan
zhuang 72B6
yun
kuang
niu
di
kuang
zhong
mu
bei
pi
ju
yi
sheng
pao
xia
tuo
hu
ling
fei
pi
ni
yao
you
gou
xue
ju
dan
bo
ku
xian
ning
huan
hen
jiao
he
zhao
ji
xun
shan
ta
rong
shou
tong
lao
du
xia
shi
kuai
zheng
yu
sun
yu
bi
mang
xi
juan
li
xia 72ED
yin
suan
lang
bei 72C8
zhi
yan
sha
li
han
xian
jing
pai
fei
xiao
bai
qi
ni
biao
yin
lai
lie
jian
qiang
kun
yan
guo
zong
mi
chang
yi
zhi
zheng 72F0
ya
meng
cai
cu
she
lie
dian
luo
hu
zong
gui
wei
feng
wo
yuan
xing
zhu
mao
wei
chuan
xian
tuan
ya
nao
xie
jia
hou
bian
you 72B9
you
mei
cha
yao
sun 72F2
bo
ming
hua
yuan
sou
ma 72B8
yuan
dai 5446
yu 72F1
shi 72EE
hao
qiang
yi
zhen
cang
hao
man
jing
jiang 5956
mo
zhang
chan
ao
ao
hao
cui
ben
jue
bi
bi
huang
pu
lin
xu
tong
yao
liao
shuo
xiao
shou
dun
jiao
ge
juan
du 72EC
hui
kuai 72EF
xian 7303
xie
ta
xian 72DD
xun
ning 72DE
bian 3E8D
huo 83B7
nou
meng
lie 730E
nao
guang 72B7
shou 517D
lu
ta 736D
xian 732E
mi 7315
rang
huan
nao
luo 7321
xian
qi
jue
xuan
miao
zi
lu
lu
yu
su
wang
qiu
ga
ding
le
ba
ji
hong
di
chuan
gan
jiu
yu
qi
yu
yang
ma
hong
wu
fu
wen
jie
ya
bin
bian
bang
yue
jue
men
jue
wan
jian
mei
dan
pin
wei
huan
xian
qiang
ling
dai
yi
an
ping
dian
fu
xuan
xi
bo
ci
gou
jia
shao
po
ci
ke
ran
sheng
shen
yi
zu
jia
min
shan
liu
bi
zhen
zhen
jue
fa
long
jin
jiao
jian
li
guang
xian
zhou
gong
yan
xiu
yang
xu
luo
su
zhu
qin
yin
xun
bao
er
xiang
yao
xia
heng
gui
chong
xu
ban
pei
lao
dang
ying
hun
wen
e
cheng
di
wu
wu
cheng
jun
mei
bei
ting
xian 73B0
chu
han
xuan
yan
qiu
xuan
lang
li
xiu
fu
liu
ya
xi
ling
li
jin
lian
suo
suo
feng
wan
dian
pin
zhan
se
min
yu
ju
chen
lai
min
sheng
wei
tian
chu
zuo
beng
cheng
hu
qi
e
kun
chang
qi
beng
wan
lu
cong
guan
yan
diao
bei
lin
qin
pi
pa
que
zhuo
qin
fa 73D0
jin
qiong
du
jie
hun 73F2
yu
mao
mei
chun
xuan
ti
xing
dai
rou
min
jian
wei 73AE
ruan
huan
xie
chuan
jian
zhuan
chang 739A
lian
quan
xia
duan
yuan
ya
nao
hu
ying
yu
huang
rui
se
liu
shi
rong
suo 7410
yao 7476
wen
wu
zhen
jin
ying 83B9
ma 739B
tao
liu
tang
li
lang 7405
gui
tian
qiang 73B1
cuo
jue
zhao
yao
ai
bin
shu
chang
kun
zhuan
cong
jin
yi
cui
cong
qi
li
jing
suo
qiu
xuan
ao
lian 740F
men 2B7A9
zhang
yin
ye
ying
wei
lu
wu
deng
xiu
zeng
xun 2C364
qu
dang 2C361
lin
liao
qiong
su
huang
gui
pu
jing
fan
jin 740E
liu
ji 7391
hui
jing
ai 7477
bi
can
qu
zao
dang 73F0
jiao
gun
tan
hui
huan 73AF
se
sui
tian
chu
yu 7399
jin
lu
bin
shu
wen
zui
lan
xi 73BA
zi
xuan
ruan
wo
gai
lei
du
li 2C35B
zhi
rou
li
zan
qiong 743C
ti
gui
sui
la
long 73D1
lu
li
zan
lan
ying 748E
mi
xiang
qiong
guan
dao
zan 74D2
huan 24A7D
gua
bo
die
bo
hu
zhi
piao
ban
rang
li
wa

xiang
qian
ban
pen
fang
dan
weng
ou


wa
hu
ling
yi
ping
ci
bai
juan
chang
chi

dang
meng
bu
zhui
ping
bian
zhou
zhen

ci
ying
qi
xian
lou
di
ou 74EF
meng
zhuan
beng
lin
zeng
wu
pi
dan
weng 74EE
ying
yan
gan
dai
shen
tian
tian
han
chang
sheng
qing
shen
chan 4EA7
chan 4EA7
rui
sheng
su
shen
yong
shuai
lu
fu
yong
beng
feng
ning
tian
you
jia
shen
zha
dian
fu
nan
dian
ping
ting
hua
ting
zhen
zai
meng
bi
bi
liu
xun
liu
chang
mu
yun
fan
fu
geng
tian
jie
jie
quan
wei
fu
tian
mu
duo
pan
jiang
wa
da
nan
liu
ben
zhen
chu
mu 4EA9
mu
ce
tian
gai
bi 6BD5
da
zhi
lue
qi
lue
pan
yi
fan
hua 753B
she
yu
mu
jun
yi 5F02
liu
she
die
chou
hua
dang 5F53
zhui
ji
wan
jiang
cheng
chang
tun
lei
ji
cha
liu
die
tuan
lin
jiang
jiang
chou 7574
pi
die
die 53E0
pi
jie
dan
shu
shu
zhi
yi
ne
nai
ding
bi
jie
liao
gang
ge
jiu
zhou
xia
shan
xu
nue
li
yang
chen
you
ba
jie
jue
qi
xia
cui
bi
yi
li
zong
chuang
feng
zhu
pao
pi
gan
ke
ci
xue
zhi
dan
zhen
fa
zhi
teng
ju
ji
fei
ju 4F5D
shan
jia
xuan
zha
bing
nie
zheng
yong
jing
quan
teng
tong
yi
jie
wei
hui
tan
yang
chi
zhi
hen
ya
mei
dou
jing 75C9
xiao
tong
tu
mang
pi
xiao
suan 9178
fu
li
zhi
cuo
duo
wu
sha
lao
shou
huan
xian
yi
beng
zhang
guan
tan
fei
ma
lin
chi
ji
tian
an
chi
bi
bi
min
gu
dui
e 75B4
wei
yu
cui
ya 75D6
zhu
cu
dan
shen
zhong
chi
yu
hou
feng 75AF
la
yang 75A1
chen
tu
yu
guo
wen
huan 75EA
ku
jia
yin
yi
lou
sao
jue
chi
xi
guan
yi 7617
wen
ji
chuang 75AE
ban
hui
liu
chai
shou
nue 759F
dian
da
bie
tan
zhang
biao
shen 7606
cu
luo
yi
zong 75AD
chou
zhang
zhai
sou
se
que
diao
lou 7618
lou 7618
mo
qin
yin
ying
huang
fu
liao 7597
long
qiao
liu
lao 75E8
xian 75EB
fei
dan 7605
yin
he
ai
ban
xian
guan
gui
nong
yu 6108
wei
yi
yong
pi
lei
li 75A0
shu
dan
lin
dian
lin
lai
bie 762A
ji
chi 75F4
yang 75D2
xuan
jie 7596
zheng 75C7
me
li 75AC
huo
lai 765E
ji
dian
xuan 7663
ying 763F
yin 763E
qu
yong 75C8
tan 762B
dian 766B
luo
luan
luan
bo
bo
gui
ba
fa
deng
fa 53D1
bai
bai
bie
ji
zao 7682
zao
mao
de
pa
jie
huang
gui
ci
ling
gao
mo
ji
jiao
peng
gao
ai
e
hao
han
bi
wan
chou
qian
xi
ai 7691
xiao
hao
huang
hao
ze
cui
hao
xiao
ye
po
hao
jiao
ai
xing
huang
li
piao
he
jiao
pi
gan
pao 75B1
zhou
jun
qiu
cun
que
zha
gu
jun 76B2
jun
zhou 76B1
zha
gu
zhao
du
min
qi
ying
yu
bei 676F
zhao
zhong
pen
he
ying
he
yi
bo
wan
he
ang
zhan
yan
jian
he
yu
kui
fan
gai
dao
pan
fu
qiu
sheng
dao 76D7
lu
zhan 76CF
meng
li
jin 5C3D
xu
jian 76D1
pan 76D8
guan
an
lu 5362
xu
zhou
dang 8361
an
gu
li
mu
ding
gan
xu
mang
wang
zhi
qi
yuan
tian
xiang
dun
xin
xi
pan
feng
dun
min
ming
sheng
shi
yun
mian
pan
fang
miao
dan
mei
mao
kan
xian
kou
shi
yang
zheng
yao
shen
huo
da
zhen
kuang
ju
shen
yi
sheng
mei
mo
zhu
zhen 771F
zhen
mian
shi
yuan
die
ni
zi 7726
zi
chao
zha
xuan
bing
mi
long
sui
tong
mi
die
di
ne
ming
xuan
chi
kuang
juan
mou
zhen
tiao
yang
yan
mo
zhong 4F17
mo
zhe
zheng
mei
suo
shao
han
huan
di
cheng
cuo
juan
e
man
xian 2AFA2
xi
kun 56F0
lai
jian
shan
tian
gun
wan
leng
shi
qiong
lie
ya
jing
zheng 7741
li
lai 7750
sui
juan
shui
sui
du
bi
pi
mu
hun
ni
lu
yi 777E
jie
cai
zhou
yu
hun
ma
xia
xing
hui
gun
zai
chun
jian
mei
du
hou
xuan
tian
kui
gao
rui
mao
xu
fa
wo
miao
chou
kui
mi 772F
weng
kou
dang
chen
ke
sou
xia
qiong
mo
ming
man
fen
ze
zhang
yi
diao
kou 770D
mo
shun
cong
lou 4056
chi
man 7792
piao
cheng
gui
meng
wan
run
pie
xi
qiao
pu
zhu
deng
shen
shun
liao 4E86
che
xian
kan
ye
xu
tong
mou
lin
gui 7786
jian
ye
ai
hui
zhan
jian 7751
gu
zhao
qu
mei
chou
sao
ning
xun
yao
huo
meng
mian
pin
mian
lei
kuang
jue
xuan
mian
huo
lu
meng
long 772C
guan
man
xi
chu
tang
kan
zhu 77A9
mao
jin
jin
yu
shuo
ze
jue
shi
yi
shen
zhi
hou
shen
ying
ju
zhou
jiao
cuo
duan
ai
jiao 77EB
zeng
yue
ba
shi
ding
qi
ji
zi
gan
wu
zhe
ku
gang
xi
fan
kuang
dang
ma
sha
dan
jue
li
fu
min
e
hua
kang
zhi
qi
kan
jie
bin
e
ya
pi
zhe
yan
sui
zhuan
che
dun
wa
yan
jin
feng
fa
mo
zha
ju
yu
ke
tuo
tuo
di
zhai
zhen
e
fu
mu
zhu
la
bian
nu
ping
peng
ling
pao 70AE
le
po
bo
po
shen
za
ai
li
long
tong
yong
li
kuang
chu
keng
quan
zhu
kuang
gui
e
nao
qia
lu
hui
ai
ge
yin
xing
yan 7814
dong
peng
xi
lao
hong
shuo
xia
qiao
qing
wei
qiao
yi
keng 7841
xiao
que
chan
lang
hong
yu
xiao
xia 7856
mang
luo
yong
che 7817
che
wo
liu
ying
mang
que
yan 781A
sha
kun
yu
chi
hua
lu
chen
jian
nue
song
zhuo
keng
peng
yan
zhui
kong
cheng
qi
zong
qing
lin
jun
bo
ding
hun
diao
jian
he
lu
ai
sui
que
leng
bei
yin
dui
wu
qi
lun
wan
dian
nao
bei
qi
chen
ruan
yan
die
ding
zhou
tuo
jie
ying
bian
ke
bi
wei
shuo 7855
zhen
duan
xia
dang 7800
ti
nao
peng
jian
di
tan
cha
tian
qi
dun
feng 781C
xuan
que 786E
que
ma 7801
gong
nian
su
e
ci
liu
si
tang
bang
hua
pi
wei
sang
lei
cuo
tian
xia
xi
lian
pan
wei 7859
yun
dui
zhe
ke
la
zhuan
yao
gun
zhuan 7816
chan
qi
ao
peng
liu
lu
kan
chuang
chen 789C
yin
lei
biao
qi 789B
mo
qi
cui
zong
qing
chuo
lun
ji 77F6
shan
lao
qu
zeng
deng
jian
xi
lin
ding
tan
huang
pan
za
qiao 7857
di 40C5
li
jian
jiao
xi
zhang
qiao 785A
dun
jian 7877
yu
zhui
he
ke
ze
lei
jie
chu 7840
ye
que 2C488
dang
yi
jiang
pi
pi
yu
pin
e
ai 788D
ke
jian
yu
ruan
meng
pao
ci
bo 7934
yang
ma
ca
xian
kuang 77FF
lei
lei
zhi
li 783A
li 783E
fan 77FE
que
pao 70AE
ying
li
long 783B
long
mo
bo
shuang
guan
lan
ca
yan
shi
shi
li
reng
she
yue
si
qi
ta
ma
xie
yao
xian
qi
qi
zhi
beng
dui
zhong
ren
yi
shi
you
zhi
tiao
fu
fu
mi 79D8
zu
zhi
suan
mei
zuo
qu
hu
zhu
shen
sui
ci
chai
mi
lu
yu
xiang
wu
tiao
piao
zhu
gui
xia
zhi
ji
gao
zhen
gao
shui
jin
shen
gai
kun
di
dao
huo
tao
qi
gu
guan
zui
ling
lu 7984
bing
jin
dao
zhi
lu
chan
bi
zhe
hui
you
xi
yin
zi
huo 7978
zhen 796F
fu
yuan
wu
xian
yang
zhi
yi 794E
mei
si
di
bei
zhuo
zhen
yong
ji
gao
tang
si
ma 7943
ta
fu
xuan
qi
yu 5FA1
xi
ji
si
chan 7985
dan
gui
sui
li 793C
nong
mi 7962
dao 7977
li
rang
yue
ti
zan
lei
rou
yu
yu
li
xie
qin
he
tu 79C3
xiu
si
ren
tu
zi
cha
gan
yi
xian 7C7C
bing
nian
qiu
qiu
zhong
fen
hao
yun
ke
miao
zhi
jing
bi
zhi
yu
mi
ku
ban
pi
ni
li
you
zu
pi
bo
ling
mo
cheng
nian
qin
yang
zuo
zhi
zhi
shu
ju
zi
huo
ji
cheng
tong
zhi
huo
he
yin
zi
zhi
jie
ren
du
yi
zhu
hui
nong
fu
xi
gao
lang
fu
xun
shui 7A0E
lu
kun
gan 79C6
jing
ti
cheng
tu
shao
shui
ya 4149
lun
lu
gu
zuo
ren
zhun
bang
bai
ji
zhi
zhi
kun
leng 68F1
peng
ke
bing 7980
chou
zui
yu
su
lue
xiang
yi
xi
bian
ji
fu
pi
nuo
jie
zhong 79CD
zong
xu
cheng 79F0
dao
wen
xian
zi
yu
ji
xu
zhen
zhi
dao
jia
ji
gao
gao
gu 8C37
rong
sui
rong
ji
kang
mu
can 415F
mei
zhi
ji
lu
su 7A23
ji 79EF
ying 9896
wen
qiu
se
he
yi
huang
qie
ji
sui
xiao
pu
jiao
zhuo
tong
zui
lu
sui
nong 79FE
se 7A51
hui 79FD
rang
nuo
yu
pin
ji
tui
wen 7A33
cheng
huo 83B7
kuang
lu 7A06
biao
se
rang
zhuo
li
cuan
xue
wa
jiu
qiong
xi
qiong
kong
yu
shen
jing
yao
chuan
zhun
tu
lao
qie
zhai
yao
bian
bao
yao
bing
wa
zhu
jiao
qiao
diao
wu
gui
yao
zhi
chuang
yao
tiao
jiao
chuang
jiong
xiao
cheng
kou
cuan
wo
dan
ku
ke
zhuo
xu
su
guan
kui
dou
zhuo
yin
wo 7A9D
wa 6D3C
ya
yu
ju
qiong 7A77
yao 7A91
yao
tiao
chao
yu
tian
diao 7A8E
ju 7AAD
liao
xi
wu
kui 7AA5
chuang
zhao
kuan
kuan
long
cheng
cui
liao
zao
cuan 7A9C
qiao 7A8D
qiong
dou 7AA6
zao 7076
long
qie 7A83
li
chu
shi
fu
qian
chu
hong
qi
hao
sheng
fen
shu
miao
qu
zhan
zhu
ling
long
bing
jing
jing
zhang
bai
si
jun
hong
tong
song
jing
diao
yi
shu 7AD6
jing
qu
jie
ping
duan
li
zhuan
ceng
deng
cun
wai
jing 7ADE
kan
jing
zhu
zhu
le
peng
yu
chi
gan
mang
zhu
wan
du
ji
jiao
ba
suan
ji
qin
zhao
sun
ya
zhui
yuan
hu
hang
xiao
cen
bi
bi
jian
yi
dong
shan
sheng
da
di
zhu
na
chi
gu
li
qie
min
bao
tiao
si
fu
ce
ben
fa
da
zi
di
ling
ze
nu
fu
gou
fan
jia
gan
fan
shi
mao
po
ti
jian
qiong
long
min
bian
luo
gui
qu
chi
yin
yao
xian
bi 7B14
qiong
kuo
deng
xiao
jin
quan
sun 7B0B
ru
fa
kuang
zhu
tong
ji
da
hang
ce
zhong
kou
lai
bi
shai
dang
zheng
ce
fu
yun
tu
pa
li
lang
ju
guan
jian 7B15
han
tong
xia
zhi
cheng
suan
shi
zhu
zuo
xiao
shao
ting
ce 41F2
yan
gao
kuai
gan
chou
kuang
gang
yun
ou
qian
xiao
jian
pou
lai
zou
bi
bi
bi
ge 4E2A
tai
guai
yu
jian 7B3A
dao
gu
chi 7BEA
zheng 7B5D
qing
sha
zhou
lu
bo
ji
lin
suan
jun
fu
zha
gu
kong
qian 94B3
qian
jun
chui
guan
yuan
ce
zu
bo
ze
qie
tuo
luo
dan
xiao
ruo
jian
xuan
bian
sun
xiang
xian
ping
zhen
xing
hu
yi
zhu
yue
chun
lu
wu
dong
shuo
ji
jie 8282
huang
xing
mei
fan 8303
chuan
zhuan
pian
feng
zhu 7B51
huang
qie 7BA7
hou
qiu
miao
qian
gu
kui
shi
lou
yun 7B7C
he
tang
yue
chou
gao
fei
ruo
zheng
gou
nie
qian
xiao
cuan
long 2C542
peng
du 7B03
li
bi
zhuo
chu
shai 7B5B
chi
zhu
qiang
long
lan
jian
bu
li
hui
bi 7B5A
di
cong
yan
peng
can
zhuan
pi
piao
dou
yu
mie
tuan
ze 7BA6
shai
gui
yi
hu
chan
kou 7B58
cu
ping
zao
ji
gui
su
lou 7BD3
ce
lu
nian
suo
cuan
diao
suo
le
duan
zhu
xiao
bo
mi
shai
dang
liao
dan 7BAA
dian
fu
jian 7B80
min
kui 7BD1
dai
jiao
deng
huang
sun
lao
zan
xiao 7BAB
lu
shi
zan
qi
pai
qi
pai
gan
ju
lu
lu
yan 6A90
bo
dang 7B5C
sai
zhua
gou
qian 7B7E
lian 5E18
bu
zhou
lai
shi
lan 7BEE
kui
yu
yue
hao
zhen
tai
ti
nie
chou 7B79
ji
yi
qi
teng 85E4
zhuan
zhou
fan
sou
zhou
qian
zhuo
teng
lu 7B93
lu
jian 7BEF
tuo 7BA8
ying
yu
lai 7C41
long 7B3C
qie
lian
lan
qian 7B7E
yue
zhong
qu
lian
bian 7B3E
duan 7C16
zuan
li 7BF1
si
luo 7BA9
ying
yue
zhuo
yu 5401
mi
di
fan
shen
zhe
shen
nu
he
lei
xian
zi
ni
cun
zhang
qian
zhai
bi
ban
wu
sha
kang
rou
fen
bi
cui
yin
zhe
mi
tai
hu
ba
li
gan
ju
po
mo
cu
zhan
zhou
chi
su
tiao
li
xi
su
hong
tong
zi
ce
yue
zhou
lin
zhuang 5986
bai
lao
fen
er
qu
he
liang
xian
fu
liang
can
jing
li
yue 7CA4
lu
ju
qi
cui
bai
zhang
lin
zong
jing
guo
hua
san
san
tang
bian
rou
mian
hou
xu
zong
hu
jian
zan
ci
li
xie
fu
nuo
bei
gu
xiu
gao
tang
qiu
jia
cao
zhuang
tang
mi
san 7CC1
fen 7CAA
zao
kang
jiang
mo
san
san
nuo
xi
liang 7CAE
jiang
kuai
bo
huan
shu
zong
xian
nuo
tuan 56E2
nie
li 7C9D
zuo
di 7C74
nie
tiao 7C9C
lan
mi
si 7E9F
jiu
xi
gong
zheng
jiu 7EA0
you
ji 7EAA
cha
zhou 7EA3
xun 2C613
yue 7EA6
hong 7EA2
yu 7EA1
he 7EA5
wan 7EA8
ren 7EAB
wen
wen 7EB9
qiu
na 7EB3
zi
tou
niu 7EBD
fou
ji
shu 7EBE
chun 7EAF
pi 7EB0
zhen 7EBC
sha 7EB1
hong 7EAE
zhi 7EB8
ji 7EA7
fen 7EB7
yun 7EAD
ren 7EB4
dan 2C618
jin
su
fang 7EBA
suo
cui
jiu
za
ba
jin
fu
zhi
qi
zi
chou 4337
hong
za 624E
lei
xi 7EC6
fu 7EC2
xie 7EC1
shen 7EC5
bo
zhu 7EBB
qu
ling
zhu
shao 7ECD
gan 7EC0
yang
fu 7ECB
tuo
zhen
dai 7ED0
chu 7ECC
shi
zhong 7EC8
xian 5F26
zu 7EC4
jiong 4339
ban 7ECA
qu
mo
shu
zui
kuang
jing
ren
hang 7ED7
xie
jie 7ED3
zhu
chou
gua
bai
jue 7EDD
kuang
hu
ci
huan
geng
tao 7EE6
jie
ku 7ED4
jiao 7EDE
quan
gai
luo 7EDC
xuan 7EDA
beng
xian
fu
gei 7ED9
dong
rong 7ED2
tiao
yin 2C621
lei
xie
juan
xu
gai
die 7ED6
tong 7EDF
si 4E1D
jiang 7EDB
xiang
hui
jue 7EDD
zhi
jian
juan 7EE2
chi 2B128
mian
zhen
lu
cheng
qiu
shu
bang 7ED1
tong
xiao 7EE1
huan 2C62B
qin
geng 7EE0
xiu
ti 7EE8
tou 7EE3
xie
hong
xi 7EE4
fu
ting 2C629
sui 7EE5
dui 433C
kun 6346
fu
jing 7ECF
hu
zhi
yan 2B127
jiong
feng
ji
xu
ren
zong 7EFC
chen 2C62D
duo 7F0D
li
lu 7EFF
liang 2B7C5
chou 7EF8
quan 7EFB
shao
qi
qi
zhun 2C62F
qi
wan
qian 2C62C
xian 7EBF
shou 7EF6
wei 7EF4
qing
tao 7EF9
wan 7EFE
gang 7EB2
wang 7F51
beng 7EF7
zhui 7F00
cai 5F69
guo
cui
lun 7EB6
liu 7EFA
qi 7EEE
zhan 7EFD
bi
chuo 7EF0
ling 7EEB
mian 7EF5
qi
qie
tian
zong
gun 7EF2
zou
xi
zi 7F01
xing
liang
jin 7D27
fei 7EEF
rui
min
yu
zong
fan
lu 7EFF
xu 7EEA
ying 7EEC
shang 7EF1
qi
xu
xiang 7F03
jian 7F04
ke 7F02
xian 7EBF
ruan
mian
ji 7F09
duan 7F0E
chong
di 7F14
min 7F17
miao
yuan 7F18
xie
bao
si 7F0C
qiu
bian 7F16
huan 7F13
geng
cong
mian 7F05
wei
fu
wei 7EAC
tou
gou 7F11
miao 7F08
xie
lian 7EC3
zong
bian 7F0F
yun
yin
ti 7F07
gua
zhi 81F4
yun
cheng
chan
dai
xia
yuan
zong
xu
sheng
wei
geng
xuan
ying 8426
jin 7F19
yi 7F22
zhui 7F12
ni
bang
gu
pan
zhou 7EC9
jian 7F23
ci
quan
shuang
yun 7F0A
xia
cui 7F1E
xi
rong
tao
fu 7F1A
yun
chen 7F1C
gao 7F1F
ru 7F1B
hu
zai
teng
xian 53BF
su
zhen
zong
tao 7EE6
huang
cai
bi
feng 7F1D
cu
li 7F21
suo 7F29
yan 2C642
xi
zong 7EB5
lei 7F27
juan 4338
qian 7EA4
man 7F26
zhi 7D77
lu 7F15
mu
piao 7F25
lian
mi
xuan
zong 603B
ji 7EE9
shan
sui
fan
lu
beng 7EF7
yi
sao 7F2B
mou 7F2A
yao
qiang
hun
xian
ji
sha
xiu
ran
xuan
sui
qiao
zeng 7F2F
zuo
zhi 7EC7
shan 7F2E
san
lin
yu
fan
liao 7F2D
chuo
zun
jian
rao 7ED5
chan
rui
xiu 7EE3
hui 7F0B
hua
zuan
xi
qiang
yun
da
sheng 7EF3
hui 7ED8
xi 7CFB
se
jian 8327
jiang 7F30
huan 7F33
zao 7F32
cong
xie
jiao 7F34
bi
dan
yi 2B137
nong
sui 4341
yi 7ECE
shai
xu 26221
ji 7EE7
bin 7F24
qian 7F31
lan 4340
pu
xun 2B138
zuan
qi
peng
yao
mo 2C64A
lei
xie 7F2C
zuan
kuang 7EA9
you
xu 7EED
lei 7D2F
xian
chan 7F20
jiao
lu
chan
ying 7F28
cai 624D
rang 2C64B
xian 7EA4
zui
zuan 7F35
luo
li
dao
lan 7F06
lei
lian
si
jiu
yu
hong
zhou
xian
he
yue
ji
wan
kuang
ji
ren
wei
yun
hong
chun
pi
sha
gang
na
ren
zong
lun
fen
zhi
wen
fang
zhu
zhen
niu
shu
xian
gan
xie
fu
lian
zu
shen
xi
zhi
zhong
zhou
ban
fu
chu
shao
yi
jing
dai
bang
rong
jie
ku
rao
die
hang
hui
gei
xuan
jiang
luo
jue
jiao
tong
geng
xiao
juan
xiu
xi
sui
tao
ji
ti
ji
xu
ling
ying
xu
qi
fei
chuo
shang
gun
sheng
wei
mian
shou
beng
chou
tao
liu
quan
zong
zhan
wan
lu
zhui
zi
ke
xiang
jian
mian
lan
ti
miao
ji
yun
hui
si
duo
duan
bian
xian
gou
zhui
huan
di
lu
bian
min
yuan
jin
fu
ru
zhen
feng
cui
gao
chan
li
yi
jian
bin
piao
man
lei
ying
suo
mou
sao
xie
liao
shan
zeng
jiang
qian
qiao
huan
jiao
zuan
fou
xie
gang
fou
que
fou
qi
bo 94B5
ping
xiang
zhao
gang
ying
ying 44E8
qing
xia
guan
zun
tan 575B
cheng
qi
weng
ying 7F42
lei
tan 575B
lu
guan
wang
wang
gang
wang
han
luo
luo
fu
shen
fa
gu
zhu
ju
mao
gu
min
gang
ba
gua 6302
ti
juan
fu
shen
yan
zhao
zui
gua
zhuo
yu
zhi
an
fa 7F5A
lan
shu
si
pi
ma 9A82
liu
ba 7F62
fa
li
chao
wei
bi
ji
zeng
chong
liu
ji
juan
mi
zhao
luo 7F57
pi 7F74
ji
ji 7F81
luan
yang
mi 8288
qiang
da
mei
yang
you
you
fen
ba
gao
yang
gu
qiang
zang
gao
ling
yi
zhu
di
xiu
qiang
yi
xian
rong
qun 7FA4
qun
qiang 7F9F
huan
suo
xian 7FA1
yi 4E49
yang
qiang
qian
yu
geng
jie
tang
yuan
xi
fan
shan
fen
shan 81BB
lian
lei
geng
nou
qiang
chan
yu
gong
yi
chong
weng
fen
hong
chi
chi
cui
fu
xia
ben
yi
la
yi
pi
ling
liu
zhi
qu
xi 4E60
xie
xiang
xi
xi
ke
qiao
hui
hui
xiao
sha
hong
jiang
di
cui
fei
dao
sha
chi
zhu
jian
xuan
chi
pian
zong
wan 73A9
hui 7FDA
hou
he
he
han
ao
piao
yi
lian
hou
ao
lin
pen
qiao 7FD8
ao 7FF1
fan
yi
hui 7FD9
xuan
dao
yao
lao
lao
kao
mao
zhe
qi
gou
gou
gou
die
die
er
shua
ruan
nai
nai
duan
lei
ting
zi
geng
chao
hao
yun
ba
pi
yi
si
qu
jia
ju
huo
chu
lao
lun
ji
tang
ou
lou
nou
jiang
pang
zha
lou 8027
ji
lao 8022
huo
you
mo
huai
er
yi
ding
ye
da
song
qin
yun
chi
dan
dan
hong
geng
zhi
pan
nie
dan
zhen
che
ling
zheng
you
wa
liao
long
zhi
ning
tiao
er
ya
tie
guo
xu
lian
hao
sheng 5723
lie
pin
jing
ju
bi
di
guo
wen 95FB
xu
ping
cong
ding
ni
ting
ju
cong
kui
lian
kui
cong
lian
weng
kui
lian
lian 8054
cong 806A
ao
sheng 58F0
song 8038
ting
kui 8069
nie 8042
zhi 804C
dan
ning 804D
qie
ni
ting
ting 542C
long 804B
yu
yu
zhao
si
su
yi
su 8083
si
zhao
zhao
rou
yi
lei
ji
qiu
ken
cao
ge
bo
huan
huang
chi
ren
xiao
ru
zhou
yuan
du
gang
rong
gan
cha
wo
chang
gu
zhi
han
fu
fei
fen
pei
pang
jian
fang
zhun
you
na
ang
ken
ran
gong
yu
wen
yao
qi
pi
qian
xi
xi
fei
ken
jing
tai
shen
zhong
zhang
xie
shen
wei
zhou
die
dan
fei
ba
bo
qu
tian
bei
gua
tai
zi
fei
zhi
ni
ping
zi
fu
pang
zhen
xian
zuo
pei
jia
sheng
zhi
bao
mu
qu
hu
ke
chi
yin
xu
yang
long
dong
ka
lu
jing
nu
yan
pang
kua
yi
guang
hai
ge
dong
chi
jiao
xiong
xiong
er
an
heng
pian
neng
zi
gui
cheng
tiao
zhi
cui
mei
xie 80C1
cui
xie
mai 8109
mai
ji
xie
nin
kuai
sa
zang
qi
nao
mi
nong
luan
wan
bo
wen
wan
xiu
jiao
jing 80EB
you
heng
cuo
lie
shan
ting
mei
chun 5507
shen
qian
de
juan
cu
xiu
xin
tuo 8131
pao
cheng
nei
pu
dou
tuo
niao
nao
pi
gu
luo
li
lian
zhang 80C0
cui
jie
liang
shui
pi
biao
lun
pian
lei
kui
chui
dan
tian
nei
jing
nai
la
ye
yan
ren
shen 80BE
chuo
fu
fu
ju
fei
qiang
wan
dong 80E8
pi
guo
zong
ding
wo
mei
ni
zhuan
chi
cou
luo 8136
ou
di
an
xing
nao 8111
shu
shuan
nan
yun
zhong 80BF
rou
e
sai
tu
yao
jian
wei
jiao 811A
yu
jia
duan
bi
chang 80A0
fu
xian
ni
mian
wa
teng
tui
bang
qian
lu
wa 817D
shou
tang
su
zhui
ge
yi
bo
liao
ji
pi
xie
gao
lu
bin
ou
chang
lu
guo 8158
pang
chuai
biao
jiang
fu 80A4
tang
mo
xi
zhuan 43DD
lu
jiao 80F6
ying
lu 2677C
zhi
xue
cun
lin
tong
peng
ni 817B
chuai
liao
cui
gui
xiao
teng
fan
zhi
jiao
shan
hu
cui
run
xiang
sui
fen
ying
shan
zhua
dan 80C6
kuai 810D
nong 8113
tun
lian
bi
yong
jue
chu
yi
juan
la
lian 8138
sao
tun
gu
qi 8110
cui
bin 8191
xun
nao
wo
zang
xian
biao
xing
kuan
la 814A
yan
lu 80EA
huo
za
luo
qu
zang 810F
luan 8114
ni
za 81DC
chen
qian
wo 5367
guang
zang
lin 4E34
guang
zi
jiao
nie
chou
ji
gao
chou
mian
nie
zhi
zhi
ge
jian
die
zhi
xiu
tai 53F0
zhen
jiu
xian
yu
cha
yao
yu
chong
xi
xi
jiu
yu
yu 4E0E
xing 5174
ju 4E3E
jiu 65E7
xin
she
she
she
jiu
shi
tan
shu
shi
tian
tan
pu 94FA
pu
guan
hua
tian
chuan
shun
xia
wu
zhou
dao
chuan
shan
yi
fan
pa
tai
fan
ban
chuan
hang
fang
ban
bi
lu
zhong
jian
cang
ling
zhu
ze
duo
bo
xian
ge
chuan
xia
lu
qiong
pang
xi
kua
fu
zao
feng
li
shao
yu
lang
ting
yu
wei
bo
meng
nian
ju
huang
shou
ke
bian
mu
die
dao
bang
cha
yi
sou
cang 8231
cao
lou
dai
xue
yao
chong
deng
dang
qiang
lu
yi 8223
ji
jian 8230
huo
meng
qi
lu
lu 823B
chan
shuang
gen
liang
jian
jian 8270
se
yan
fu
ping
yan
yan 8273
cao
cao
yi
le
ting
jiao
ai
nai
tiao
jiao
jie
peng
wan
yi
chai
mian
mi
gan
qian
yu
yu
shao
xiong
du
hu
qi
mang
zi
hui
sui
zhi
xiang
bi
fu
tun
wei
wu
zhi
qi
shan
wen
qian
ren
fu
kou
jie
lu
xu
ji
qin
qi
yan
fen
ba
rui
xin
ji
hua
hua
fang
wu
jue
gou
zhi
yun
qin
ao
chu 520D
mao
ya
fei
reng
hang
cong
yin
you
bian
yi
qie
wei
li
pi
e
xian
chang
cang
zhu 82E7
su
ti
yuan
ran
ling
tai
shao
di
miao
qing
li
yong
ke
mu
bei
bao
gou
min
yi
yi
ju
pie
ruo
ku
ning 82CE
ni
bo
bing
shan
xiu
yao
xian
ben
hong
ying
zha
dong
ju
die
nie
gan
hu
ping
mei
fu
sheng
gu
bi
wei
fu
zhuo
mao
fan
jia
mao
mao
ba
ci
mo
zi
di
chi
ji
jing
long
cong
niao
yuan
xue
ying
qiong
ge
ming
li
rong
yin
gen
qian
chai
chen
yu
hao
zi
lie
wu
ji
gui
ci
jian
ci
gou
guang
mang
cha
jiao
jiao
fu
yu
zhu
zi 5179
jiang
hui
yin
cha
fa
rong
ru
chong
mang
tong
zhong
qian
zhu
xun
huan
fu
quan
gai
da
jing
xing
chuan
cao
jing 8346
er
an
qiao
chi
ren
jian
ti
huang
ping
li
jin
lao
shu
zhuang
da
jia
rao
bi
ce
qiao
hui
ji
dang
zi
rong
hun
xing
luo
ying
xun
jin
sun
yin
mai
hong
zhou
yao
du
wei
li
dou 8C46
fu
ren
yin
he
bi
bu
yun
di
tu
sui
sui
cheng
chen
wu
bie
xi
geng
li
pu
zhu
mo
li
zhuang 5E84
zuo
tuo
qiu
sha
suo
chen
peng
ju
mei
meng
xing
jing 830E
che
shen
jun
yan
ting
you
cuo
guan
han
you
cuo
jia 835A
wang
su
niu
shao
xian 82CB
lang
fu
e
mo
wen
jie
nan
mu
kan
lai
lian
shi
wo
tu
xian
huo
you
ying
ying
gong
chun
mang
mang
ci
wan
jing
di
qu
dong
jian
zou
gu
la
lu
ju
wei
jun
nie
kun
he
pu
zai
gao
guo 679C
fu
lun
chang
chou
song
chui
zhan
men
cai
ba
li
tu
bo
han
bao
qin
juan
xi
qin
di
jie
pu
dang
jin
qiao
tai
geng
hua 534E
gu
ling
fei
qin
an
wang
beng
zhou
yan 70DF
zu
jian
lin
tan
shu
tian
dao
hu
qi
he
cui
tao
chun
bi
chang 82CC
huan
fei
lai 83B1
qi
meng
ping
wei
dan
sha
huan
yan
yi
tiao
qi
wan
ce
nai
zhen
tuo
jiu
tie
luo
bi
yi
pan
bo
pao
ding
ying
ying
ying
xiao
sa
qiu
ke
xiang
wan 4E07
yu
yu
fu
lian
xuan
xuan
nan
ce
wo 83B4
chun
xiao
yu
bian
mao
an
e
luo
ying
kuo
kuo
jiang
mian
zuo
zuo
zu
bao
rou
xi
ye 53F6
an
qu
jian
fu
lu
jing
pen
feng
hong 836D
hong
hou
yan
tu
zhu 7740
zi
xiang
ren
ge
qia
qing
mi
huang
shen
pu
gai
dong
zhou 836E
jian
wei 82C7
bo
wei
pa
ji
hu
zang
jia
duan
yao 836F
jun
cong
quan
wei
zhen
kui
ting
hun 8364
xi
shi
qi
lan
zong
yao
yuan
mei
yun
shu
di
zhuan
guan
ran
xue
chan
kai
kui
hua
jiang
lou
wei 2B1ED
pai
you
sou 641C
yin
shi
chun 83BC
shi 83B3
yun
zhen
lang
ru
meng
li
que
suan
yuan
li 8385
ju
xi
bang
chu
xu
tu
liu
huo
dian
qian
zu
po
cuo
yuan
chu
yu
kuai
pan
pu
pu
na
shuo
xi
fen
yun
zheng
jian
ji
ruo
cang 82CD
en
mi
hao
sun 836A
zhen
ming
sou
xu
liu
xi 5E2D
gu
lang
rong
weng
gai 76D6
cuo
shi
tang
luo
ru
suo
xuan
bei
yao
gui
bi
zong
gun
zuo
tiao
ce
pei
lan
dan
ji
li
shen
lang
yu
ling
ying
mo
diao
tiao
mao
tong
chu
peng
an
lian 83B2
cong 82C1
xi
ping
qiu
jin
chun
jie
wei
tui
cao
yu
yi
zi
liao
bi 835C
lu
xu
bu
zhang
lei
qiang
man 2C72C
yan
ling
ji
piao
gun
han
di
su
lu
she
shang
di
mie
xun
man
bo 535C
di
cuo
zhe
shen
xuan
wei
hu
ao
mi
lou 848C
cu
zhong
cai
po
jiang 848B
mi
cong 8471
niao 8311
hui
juan
yin
jian
nian
shu
yin 836B
guo
chen
hu
sha
kou
qian
ma 9EBB
zang
ze
qiang
dou
lian
lin
kou
ai
bi
li
wei 2B1ED
ji
qian 8368
sheng
bo
meng
ou
chan 8487
dian
xun
jiao
rui
rui
lei
yu
qiao 835E
chu
hua
jian
mai 836C
yun 82B8
bao
you 83B8
qu
lu
rao 835B
hui
e
ti
fei
jue
zui
fa
ru
fen
kui 8489
shun
rui
ya
xu
fu
jue
dang 8361
wu 829C
dong
si
xiao 8427
xi
long
wen
shao
qi
jian
yun
sun
ling
yu 84E3
xia
weng
ji
hong
si
nong
lei
xuan
yun 8570
ao
xi
hao
bao
hao
ai
wei
hui 835F
hui
ji 84DF
ci
xiang 8297
wan
mie
yi
leng
jiang 59DC
can
shen
qiang 8537
lian
ke
yuan
da 8359
ti
tang
xue
bi
zhan
sun
xian 83B6
fan
ding
xie
gu
xie
shu
jian 8350
hao
hong
sa 8428
xin
xun
yao
bai
sou
shu
xun
dui
pin
wei 44D5
ning 82E7
chou
mai
ru
piao
tai
ji 8360
zao
chen
zhen
er
ni
ying
gao
cong
xiao
qi
fa
jian
xu
kui
ji 501F
bian
diao
mi
lan 84DD
jin 8369
cang
miao
qiong
qie
xian
liao
ou
xian
su
lu
yi
xu
xie
li
yi 827A
la
lei
jiao
di
zhi
bei
teng
yao 836F
mo
huan
biao
fan
sou 85AE
tan
tui
qiong 44D6
qiao
wei
liu
hui
ou
gao
yun 8574
bao
li 82C8
shu 85AF
chu
ai 853C
lin 853A
zao
xuan
qin
lai
huo
tuo 841A
wu
rui
rui
qi 8572
heng
lu 82A6
su 82CF
tui
meng
yun 8574
ping 82F9
yu
xun
ji
jiong
xuan
mo
qiu
su
jiong
peng
nie
bo
rang
yi
xian 85D3
yu
ju
lian
lian 8539
yin
qiang
ying
long 830F
tou
hua
yue
ling
qu
yao
fan
mei
han
kui
lan 5170
ji
dang
man
lei
lei
hui
feng
zhi
wei
kui
zhan
huai
li 84E0
ji
mi
lei
huai
luo 841D
ji
kui
lu
jian
sa
teng
lei 8502
quan
xiao
yi 2C7C1
luan
men
bie
hu
hu
lu
nue
lu
si
xiao
qian
chu 5904
hu
xu
cuo
fu
xu
xu 865A
lu 864F
hu
yu
hao 53F7
jiao
ju
guo
bao
yan
zhan
zhan
kui 4E8F
bin
xi
shu
chong
qiu
diao
ji
qiu 866C
ding
shi
xia
jue
zhe
she
yu
han
zi
hong
hui
meng
ge
sui
xia
chai
shi
yi
ma
xiang
fang
e
ba
chi
qian
wen
wen
rui
bang
pi
yue
yue
jun
qi
tong
yin
qi
can
yuan
jue
hui
qin
qi
zhong
ya
hao
mu
wang
fen
fen
hang
gong
zao
fu
ran
jie
fu
chi
dou
bao
xian
ni
dai
qiu
you
zha
ping
chi
you
he
han
ju
li
fu
ran
zha
gou
pi
pi
xian
zhu
diao
bie
bing
gu
zhan
qu
she
tie
ling
gu
dan
gu
ying
li
cheng
qu
mou
ge
ci
hui
hui
mang
fu
yang
wa
lie
zhu
yi
xian
kuo
jiao
li
yi
ping
qi
ha
she
yi
wang
mo
qiong
qie
gui
qiong
zhi
man
lao
zhe
jia
nao
si
qi
xing
jie
qiu
shao
yong
jia 86F1
tui 8715
che
bei
e
han
shu
xuan
feng
shen
shen
fu
xian 86AC
zhe
wu
fu
li
lang
bi
chu
yuan
you
jie
dan
yan
ting
dian
tui
hui
wo
zhi
song
fei
ju
mi
qi
qi
yu
jun
la
meng
qiang
si
xi
lun
li
die
tiao
tao
kun
han
han
yu
bang
fei
pi
wei
dun
yi
yuan
suo
quan
qian
rui
ni
qing
wei
liang
guo
wan
dong 2C7FD
e
ban
di
wang
can
yang
ying
guo
chan
ding
la
ke
jie
xie
ting
mao
xu
mian
yu
jie
shi 8680
xuan
huang
yan
bian
rou
wei
fu
yuan
mei
wei 732C
fu
ru
xie
you
qiu
mao
xia 867E
ying
shi 8671
chong
tang
zhu
zong
ti
fu
yuan
kui
meng
la
du
hu
qiu
die
li
wo 8717
yun
qu
nan
lou
chun
rong
ying
jiang
ban
lang
pang
si 86F3
xi
ci
xi
yuan
weng
lian
sou
ban
rong
rong
ji
wu
xiu
han
qin
yi
bi
hua
tang
yi
du
nai
he
hu
gui
ma 8682
ming
yi
wen
ying 8424
teng
zhong
cang
sao
qi
man
tiao
shang
shi
cao
chi
di 45D6
ao
lu
wei
zhi
tang
chen
piao
qu
pi
yu
jian
luo
lou 877C
qin
zhong
yin
jiang 8780
shuai
wen
xiao
wan
zhe 86F0
zhe
ma
ma
guo 8748
liu
mao
xi
cong
li
man 87A8
xiao
chang
zhang
mang
xiang
mo
zui
si
qiu
te
zhi
peng
peng
jiao
qu
bie
liao
pan
gui
xi
ji 866E
zhuan
huang
fei
lao
jue
jue
hui
yin
chan 8749
jiao
shan
nao 86F2
xiao
wu
chong 866B
xun
si
chu
cheng 86CF
dang
li
xie
shan
yi 8681
jing
da
chan
qi
ci
xiang
she
luo
qin
ying 8747
chai 867F
li
zei
xuan
lian
zhu
ze
xie 874E
mang
xie
qi 86F4
rong 877E
jian
meng
hao 869D
ru
huo
zhuo
jie
pin
he
mie
fan
lei
jie
la 8721
min
li
chun
li 86CE
qiu
nie
lu
du 8839
xiao 87CF
zhu
long
li
long
feng
ye
pi
nang
gu 86CA
juan
ying
shu
xi
can 8695
qu
quan
du
can
man 86EE
qu
jie
zhu
zhuo
xue
huang
nu
pei
nu
xin
zhong 4F17
mai
er
ka
mie 8511
xi
xing
yan
kan
yuan
qu
ling
xuan
shu 672F
xian
tong
xiang
jie
xian
ya
hu 80E1
wei 536B
dao
chong 51B2
wei
dao
zhun
heng
qu
yi
yi
bu
gan
yu
biao
cha
yi
shan
chen
fu
gun
fen
shuai
jie
na
zhong
dan
yi
zhong
zhong
jie
zhi
xie
ran
zhi
ren
qin
jin
jun
yuan
mei
chai
ao
niao
hui
ran
jia
tuo
ling
dai
bao
pao
yao
zuo
bi
shao
tan
ju
he
xue
xiu
zhen
yi
pa
bo
di
wa
fu
gun 886E
zhi
zhi
ran
pan
yi
mao
tuo
na
gou
xuan
zhe
qu
bei
yu
xi
mi
bo
bo
fu
chi
chi
ku 7ED4
ren
jiang
qia
jian
bo
jie
er
ge
ru
zhu
gui
yin
cai
lie
ka
xing
zhuang
dang
xu
kun
ken
niao 8885
shu
jia
kun
cheng
li 91CC
juan
shen
pou
ge
yi
yu
zhen
liu
qiu
qun
ji
yi
bu 8865
zhuang 88C5
shui
sha
qun
li 91CC
lian
lian
ku
jian
fou
chan
bi
kun
tao
yuan
ling
chi
chang
chou
duo
biao
liang
shang
pei
pei
fei
yuan
luo
guo
yan
du
ti
zhi 5236
ju
yi
qi
guo
gua
ken
qi
ti
ti
fu 590D
chong
xie
bian
die
kun 88C8
duan
xiu
xiu
he
yuan
bao
bao
fu
yu
tuan
yan
hui 8886
bei
chu
lu
pao
dan
yun
ta
gou
da
huai
rong
yuan
ru
nai
jiong
suo
ban
tui
chi
sang
niao
ying
jie
qian
huai
ku 88E4
lian 88E2
lan
li
zhe
shi
lu 891B
yi
die
xie 4EB5
xian
wei
biao
cao
ji 2B300
qiang
sen
bao
xiang
bi
fu
jian 88E5
zhuan
jian
cui
ji
dan
za
fan
bo 88AF
xiang
xin
bie
rao
man
lan
ao 8884
ze
gui
cao
sui
nong
chan
lian 88E3
bi
jin
dang 88C6
shu
tan
bi
lan 8934
fu
ru
zhi
dui
shu
wa 889C
shi
bai 4653
xie
bo
chen 886C
lai
long
xi 88AD
xian
lan 8955
zhe
dai
ju
zan
shi
jian
pan
yi
lan
ya
xi
xi
yao
feng
tan
fu
fiao
fu
ba
he 6838
ji
ji
jian 89C1
guan
bian
yan 89C3
gui 89C4
jue
pian
mao
mi 89C5
mi
mie
shi 89C6
si
chan 89C7
luo
jue
mi
tiao
lian
yao
zhi
jun
xi 89CB
shan
wei
xi
tian 89CD
yu 89CE
lan
e
du
qin 4EB2
pang
ji 89CA
ming
ying
gou 89CF
qu
zhan
jin 89D0
guan
deng
jian
luo
qu 89D1
jian
wei
jue 89C9
qu
luo
lan 89C8
shen
di 89CC
guan 89C2
jian
guan
yan
gui
mi
shi
chan
lan
jue
ji
xi
di
tian
yu
gou
jin
qu
jiao
qiu
jin
cu
jue
zhi
chao
ji
gu
dan
zi
di
shang
hua
quan
ge
shi
jie
gui
gong
chu
jie
hun
qiu
xing
su
ni
ji
lu
zhi
zha
bi
xing
hu
shang 89DE
gong
zhi 89EF
xue
chu 89E6
xi
yi
li
jue
xi
yan
xi
yan
yan 8BA0
ding 8BA2
fu 8BA3
qiu
qiu
jiao
hong
ji 8BA1
fan
xun 8BAF
diao
hong 8BA7
chai
tao 8BA8
xu 2C8D9
jie 8BA6
yi
ren 8BB1
xun 8BAD
yin
shan 8BAA
qi 8BAB
tuo 6258
ji 8BB0
xun
yin
e 8BB9
fen
ya 8BB6
yao
song 8BBC
shen
yin
xin 4723
jue 8BC0
xiao
ne 8BB7
chen
you
zhi
xiong 8BBB
fang 8BBF
xin
chao
she 8BBE
yan
sa
zhun
xu 8BB8
yi
yi
su 8BC9
chi
he 8BC3
shen
he
xu
zhen 8BCA
zhu 6CE8
zheng 8BC1
gou
zi
zi
zhan
gu 8BC2
fu
jian
die
ling
di 8BCB
yang
li
nao
pan
zhou
gan
yi
ju 8BB5
yao
zha 8BC8
yi
yi 8BD2
qu
zhao 8BCF
ping 8BC4
bi 8BD0
xiong 8BC7
qu 8BCE
ba
da
zu 8BC5
tao
zhu 2C8DE
ci 8BCD
zhe
yong 548F
xu 8BE9
xun 8BE2
yi 8BE3
huang
he
shi 8BD5
cha
xiao
shi 8BD7
hen 2C8F3
cha 8BE7
gou 8BDF
gui 8BE1
quan 8BE0
hui
jie 8BD8
hua 8BDD
gai 8BE5
xiang 8BE6
wei
shen 8BDC
zhou
tong 2B363
mi
zhan
ming
e
hui 8BD9
yan
xiong
gua 8BD6
er
bing
tiao
yi
lei 8BD4
zhu 8BDB
kuang 8BD3
kua 5938
wu
yu
teng
ji
zhi 5FD7
ren 8BA4
cu
lang
e
kuang 8BF3
ei 8BF6
shi
ting
dan 8BDE
bei
chan
you 8BF1
keng
qiao 8BEE
qin
shua
an
yu 8BED
xiao
cheng 8BDA
jie 8BEB
xian
wu 8BEC
wu 8BEF
gao 8BF0
song 8BF5
bu
hui 8BF2
jing
shuo 8BF4
zhen
shuo 8BF4
du
hua
chang
shui 8C01
jie
ke 8BFE
qu
cong
xiao
sui 8C07
wang
xian
fei 8BFD
chi
ta
yi 8C0A
ni
yin 8A1A
diao 8C03
pi
zhuo
chan 8C04
chen
zhun 8C06
ji
qi
tan 8C08
zhui
wei 8BFF
ju
qing 8BF7
dong
zheng 8BE4
ze
zou 8BF9
qian
zhuo 8BFC
liang 8C05
jian 2C8E1
chu
hao
lun 8BBA
shen 8C02
biao
hua
pian
yu 8C00
die 8C0D
xu 8C1E
pian 8C1D
shi 2C90A
xuan
shi 8C25
hun 8BE8
hua
e 8C14
zhong
di 8C1B
xie 8C10
fu
pu
ting
jian 8C0F
qi
yu 8C15
zi 8C18
zhuan
xi
hui 8BB3
yin 2C907
an 8C19
xian 2B36F
nan
chen 8C0C
feng 8BBD
zhu 8BF8
yang
yan 8C1A
huang
xuan 8C16
ge
nuo 8BFA
qi
mou 8C0B
ye 8C12
wei 8C13
xing
teng 8A8A
zhou 8BCC
shan
jian
po
kui
huang 8C0E
huo
ge
ying
mi 8C1C
xiao 2B372
mi 8C27
xi
qiang
chen
xue 8C11
ti
su 8C21
bang 8C24
chi
qian 8C26
shi 8C25
jiang 8BB2
yuan
xie 8C22
he
tao
yao 8C23
yao 8C23
lu
yu
biao
cong
qing
li
mo 8C1F
mo
shang
zhe 8C2A
miu 8C2C
jian 8C2B
ze
jie
lian
lou
can
ou 8BB4
gun
xi
zhuo
ao
ao
jin 8C28
zhe
yi
hu
jiang
man 8C29
chao
han
hua 54D7
chan
xu
zeng
se 4727
xi
zha
dui
zheng 8BC1
nao
lan
e
ying
jue 8C32
ji 8BA5
zun
jiao
bo
hui 2C91D
zhuan
wu
zen 8C2E
zha
shi 8BC6
qiao 8C2F
tan 8C2D
zen
pu 8C31
sheng
xuan 2B37D
zao 566A
tan
dang
sui
xian
ji
jiao
jing
zhan
nang
yi
ai
zhan 8C35
pi
hui
hua
yi 8BD1
yi 8BAE
shan
rang
nou
qian 8C34
dui
ta
hu 62A4
zhou 8BEA
hao
ai
ying
jian
yu 8A89
jian 8C2B
hui
du 8BFB
zhe
xuan
zan
lei
shen
wei
chan
li
yi
bian 53D8
zhe 8A5F
yan 4729
e
chou 96E0
wei
chou
yao
chan 8C17
rang 8BA9
yin
lan 8C30
chen 8C36
xie
nie
huan
zan 8D5E
yi
dang 8C20
zhan
yan 8C33
du
yan
ji
ding
fu
ren
ji
jie
hong
tao
rang
shan
qi
tuo
xun
yi
xun
ji
ren
jiang
hui
ou
ju
ya
ne
xu
e
lun
xiong
song
feng
she
fang
jue
zheng
gu
he
ping
zu
shi
xiong
zha
su
zhen
di
zhou
ci
qu
zhao
bi
yi
yi
kuang
lei
shi
gua
shi
jie
hui
cheng
zhu
shen
hua
dan
gou
quan
gui
xun
yi
zheng
gai
xiang
cha
hun
xu
zhou
jie
wu
yu
qiao
wu
gao
you
hui
kuang
shuo
song
ei
qing
zhu
zou
nuo
du
zhuo
fei
ke
wei
yu
shei
shen
diao
chan
liang
zhun
sui
tan
shen
yi
mou
chen
die
huang
jian
xie
xue
ye
wei
e
yu
xuan
chan
zi
an
yan
di
mi
pian
xu
mo
dang
su
xie
yao
bang
shi
qian
mi
jin
man
zhe
jian
miu
tan
zen
qiao
lan
pu
jue
yan
qian
zhan
chen
gu
qian
hong
xia
ji
hong
han
hong
xi
xi
huo
liao
han
du
long
dou
jiang
qi 5C82
chi
li
deng
wan
bi
shu 7AD6
xian
feng 4E30
zhi
zhi
yan
yan 8273
shi
chu
hui
tun
yi
tun
yi
jian
ba
hou
e
chu
xiang
huan
jian
ken
gai
ju
fu
xi
bin
hao
yu
zhu 732A
jia
fen
xi
bo
wen
huan
bin
di
zong
fen 8C6E
yi
zhi
bao
chai
an
pi
na
pi
gou
na
you
diao
mo
si
xiu
huan
kun
he
hao
mo
an
mao
li 72F8
ni
bi
yu
jia
tuan
mao 732B
pi
xi
yi
ju
mo
chu 4759
tan
huan
jue
bei 8D1D
zhen 8D1E
yuan 8D20
fu 8D1F
cai 8D22
gong 8D21
te
yi
hang
wan
pin 8D2B
huo 8D27
fan 8D29
tan 8D2A
guan 8D2F
ze 8D23
zhi
er
zhu 8D2E
shi 8D33
bi
zi 8D40
er 8D30
gui 8D35
pian
bian 8D2C
mai 4E70
dai 8D37
sheng
kuang 8D36
fei 8D39
tie 8D34
yi 8D3B
chi
mao 8D38
he 8D3A
bi 8D32
lu 8D42
lin 8D41
hui 8D3F
gai 8D45
pian
zi 8D44
jia 8D3E
xu
zei 8D3C
jiao
gai
zang
jian
ying
xun
zhen 8D48
she 8D4A
bin 5BBE
bin
qiu 8D47
she
chuan
zang
zhou 8D52
lai 8D49
zan
ci 8D50
chen
shang 8D4F
tian
pei 8D54
geng 8D53
xian 8D24
mai 5356
jian 8D31
sui
fu 8D4B
tan 8D55
cong
cong
zhi 8D28
ji 8D4D
zhang 8D26
du 8D4C
jin
xiong
chun 4790
yun
bao
zai
lai 8D56
feng 8D57
cang
ji
sheng 5269
yi
zhuan 8D5A
fu 8D59
gou 8D2D
sai 8D5B
ze 8D5C
liao
yi
bai
chen
wan
zhi 8D3D
zhui 8D58
biao
yun 8D5F
zeng 8D60
dan
zan 8D5E
yan 8D5D
pu
shan 8D61
wan
ying 8D62
jin 8D46
gan
xian
zang 8D43
bi 8D51
du
shu 8D4E
yan 8D5D
shang
xuan
long
gan 8D63
zang 8D43
bei
zhen
fu
yuan
gong
cai
ze
xian
bai
zhang
huo
zhi
fan
tan
pin
bian
gou
zhu
guan
er
jian
ben
shi
tie
gui
kuang
dai
mao
fei
he
yi
zei
zhi
jia
hui
zi
lin
lu
zang
zi
gai
jin
qiu
zhen
lai
she
fu
du
ji
shu
shang
ci
bi
zhou
geng
pei
dan
lai
feng
zhui
fu
zhuan
sai
ze
yan
zan
yun
zeng
shan
ying
gan
chi
xi
she
nan
tong
xi
cheng
he
cheng 8D6A
zhe
xia
tang
zou
zou
li
jiu
fu
zhao
gan
qi
shan
qiong
yin
xian
zi
jue
qin
chi
ci
chen
chen
die
ju
chao
di
xi
zhan
jue
yue
qu
ji
chi
chu
gua
xue
zi
tiao
duo
lie
gan 8D76
suo
cu
xi
zhao 8D75
su
yin
ju
jian
que
tang
chuo
cui
lu
qu
dang
qiu
zi
ti
qu 8D8B
chi
huang
qiao
qiao
jiao
zao
ti
er
zan
zan 8DB1
zu
pa
bao
ku
ke
dun
jue
fu
chen
jian
fang
zhi
ta
yue
ba
qi
yue
qiang
tuo
tai
yi
nian
ling
mei
ba
die
ku
tuo
jia
ci
pao
qia
zhu
ju
dian
zhi
fu
pan
ju
shan
bo
ni
ju
li
gen
yi
ji 8FF9
duo
xian
jiao 4EA4
duo
zhu
quan
kua
zhuai
gui
qiong
kui
xiang
chi
lu
pian
zhi
jia
tiao
cai
jian
da
qiao
bi
xian
duo
ji
ju 5C40
ji
shu
tu
chu
jing
nie
xiao
bu
xue
cun
mu
shu
liang
yong
jiao
chou
qiao
mou
ta
jian 8DF5
qi
wo
wei
chuo
jie
ji
nie
ju
nie
lun
lu
leng
huai
ju
chi
wan
quan 8737
ti
bo
zu
qie
yi
cu
zong
cai
zong
peng
zhi
zheng
dian
zhi
yu 903E
duo
dun
chuan
yong 8E0A
zhong
di
zha
chen
chuai
jian
gua
tang
ju
fu
zu
die
pian
rou
nuo
ti
cha
tui
jian
dao
cuo
qi
ta
qiang 8DC4
nian
dian
ti
ji
nie
pan
liu
zan
bi 8DF8
chong
lu
liao
cu
tang
dai
su
xi
kui
ji 8FF9
zhi
qiang
di
pan 8E52
zong 8E2A
lian
beng
zao 7CDF
nian
bie
tui
ju
deng
ceng
xian
fan
chu
zhong
dun
bo
cu
cu
jue
jue
lin
ta
qiao 8DF7
jue
pu
liao
dun
cuan
guan
zao
da 8DF6
bi
bi
zhu
ju
chu
qiao
dun 8DB8
chou 8E0C
ji 8DFB
wu
yue 8DC3
nian
lin
lie
zhi 8E2F
li 8DDE
zhi 8E2C
chan
chu 8E70
duan
wei
long
lin
xian 8DF9
wei
zuan
lan
xie
rang
sa
nie 8E51
ta
qu
ji
cuan 8E7F
cuo 8E9C
xi
kui
jue
lin 8E8F
shen
gong
dan
fen
qu
ti
duo
duo
gong
lang
ren
luo
ai
ji
ju
tang
kong
lao
yan
mei
kang
qu 8EAF
lou
lao
duo
zhi
yan
ti
dao
ying
yu
che 8F66
ya 8F67
gui 8F68
jun 519B
wei
yue 2B404
xin
dai 8F6A
xuan 8F69
fan
ren 8F6B
shan
kuang
shu
tun
chen
dai
e 8F6D
na
qi 2CA02
mao
ruan 8F6F
kuang
qian
zhuan
hong
hu 8F77
qu
kuang
di
ling
dai
ao
zhen 8F78
fan
kuang
yang
peng
bei
gu
gu 8F71
pao
zhu
rong
e
ba
zhou 8F74
zhi 8F75
yao 8F7A
ke 8F72
yi 8F76
zhi
shi 8F7C
ping
er
gong
ju
jiao 8F83
guang 28408
lu 8F82
kai
quan 8F81
zhou 8F80
zai 8F7D
zhi 8F7E
she 2AA36
liang
yu
shao
you
wan
yin
zhe 8F84
wan 633D
fu 8F85
qing 8F7B
zhou
ni 2B410
leng
zhe
zhan
liang 8F86
zi 8F8E
hui 8F89
wang 8F8B
chuo 8F8D
guo
kan
yi
peng
qian
gun 8F8A
nian 8F87
ping
guan
bei 8F88
lun 8F6E
pai
liang 8F8C
ruan
rou 2B413
ji 8F91
yang
xian
chuan
cou 8F8F
chun
ge
you 2CA0E
hong
shu 8F93
fu
zi
fu 8F90
wen
ben
zhan 8F97
yu 8206
wen 8F92
tao
gu 6BC2
zhen
xia 8F96
yuan 8F95
lu 8F98
jiao
chao
zhuan 8F6C
wei
hun
xue
zhe 8F99
jiao 8F7F
zhan
bu
lao
fen
fan
lin 8F9A
ge
se
kan
huan
yi
ji
zhui
er
yu 8206
jian
hong 8F70
lei
pei 8F94
li 8F79
li
lu 8F73
lin
che
ya
gui
xuan
dai
ren
zhuan
e
lun
ruan
hong
gu
ke
lu
zhou
zhi
yi
hu
zhen
li
yao
qing
shi
zai
zhi
jiao
zhou
quan
lu
jiao
zhe
fu
liang
nian
bei
hui
gun
wang
liang
chuo
zi
cou
fu
ji
wen
shu
pei
yuan
xia
zhan
lu
zhe
lin
xin
gu
ci
ci
pi
zui
bian
la
la
ci
xue
ban 529E
bian
bian
bian
xue
bian
ban
ci 8F9E
bian 8FAB
bian 8FA9
chen
ru
nong 519C
nong
chan
chuo
chuo
yi
reng
bian
bian
shi
yu
liao
da
chan
gan
qian
yu
yu
qi
xun
yi
guo
mai
qi
za
wang
tu
zhun
ying
da
yun
jin
hang
ya
fan
wu
da
e
hai
zhe
da
jin
yuan
wei
lian
chi
che
ni
tiao
zhi
yi
jiong
jia
chen
dai
er
di
po
zhu
die
ze
tao
shu
tuo
qu
jing
hui 56DE
dong
you
mi
beng
ji
nai
yi
jie
zhui
lie
xun
tui
song
shi
tao
pang
hou
ni
dun
jiong
xuan
xun
bu
you
xiao
qiu
tou
zhu
qiu
di
di
tu
jing 8FF3
ti
dou
yi
zhe 8FD9
tong
guang
wu
shi
cheng
su
zao
qun
feng
lian 8FDE
suo
hui
li
gu
lai
ben
cuo
jue
beng
huan
dai
lu
you
zhou 5468
jin 8FDB
yu
chuo
kui
wei
ti
yi
da
yuan
luo
bi
nuo
yu
dang
sui
dun
sui
yan
chuan
chi
ti
yu
shi
zhen
you 6E38
yun 8FD0
e
bian
guo 8FC7
e
xia
huang
qiu
dao
da 8FBE
wei 8FDD
nan
yi
gou
yao 9065
chou
liu
xun 900A
ta
di 9012
chi
yuan 8FDC
su
ta
qian
ma
yao
guan
zhang
ao
shi 9002
ca
chi
su
zao
zhe
dun 9041
di
lou
chi 8FDF
cuo
lin
zun
rao
qian 8FC1
xuan 9009
yu
yi 9057
e
liao 8FBD
ju
shi
bi
yao
mai 8FC8
xie
sui
hai 8FD8
zhan
teng
er 8FE9
miao
bian
bian 8FB9
la
li
yuan
yao
luo 903B
li 9026
yi
ting
deng
qi
yong
shan
han
yu
mang
ru
qiong
xi
kuang
fu
kang
bin
fang
xing
na
xin
shen
bang
yuan
cun
huo
xie
bang
wu
ju
you
han
tai
qiu
bi
pi
bing
shao
bei
wa
di
zou
ye
lin
kuang
gui
zhu
shi
ku
yu
gai
he
qie
zhi
ji
huan
hou
xing
jiao
xi
gui
nuo
lang
jia
kuai
zheng
lang
yun
yan
cheng
dou
xi
lu
fu
wu
fu
gao
hao
lang
jia 90CF
geng
jun
ying
bo
xi
bei
li
yun
bu
xiao
qi
pi
qing
guo
zhou
tan
zou
ping
lai
ni
chen
you 90AE
bu
xiang
dan
ju
yong
qiao
yi
dou
yan
mei
ruo
bei
e
shu
juan
yu
yun 90D3
hou
kui
xiang 4E61
xiang
sou
tang
ming
xi
ru
chu
zi
zou 90B9
ye
wu 90AC
xiang
yun 90E7
hao
yong
bi
mao
chao
fu
liao
yin
zhuan
hu
qiao
yan
zhang
man
qiao
xu
deng 9093
bi
xun 2CA7D
bi
zeng
wei
zheng 90D1
mao
shan
lin 90BB
po
dan 90F8
meng 2B461
ye 90BA
cao
kuai 90D0
feng
meng
zou
kuang 909D
lian
zan
chan
you
ji
yan
chan
zan
ling
huan
xi
feng
zan 9142
li 90E6
you
ding
qiu
zhuo
pei
zhou
yi
gan
yu
jiu
yan
zui
mao
zhen
xu
dou
zhen
fen
yuan
fu
yun
tai
tian
qia
tuo
zuo
han
gu
su
po
chou
zai
ming
lao
chuo
chou
you
tong
zhi
xian
jiang
cheng
yin
tu
jiao
mei
ku
suan
lei
pu
zui
hai
yan
shi
niang
wei
lu
lan
yan 814C
tao
pei
zhan
chun
tan
zui
zhui
cu
kun
ti
xian
du
hu
xu
xing
tan
qiu
chun
yun 915D
po
ke
sou
mi
quan
chou 4E11
cuo
yun 915D
yong
ang
zha
hai
tang
jiang
piao
chen
yu
li
zao
lao
yi 533B
jiang 9171
bu
jiao
xi
tan
fa 9166
nong 2CAA9
yi
li
ju
yan
yi
niang
ru
xun
chou
yan 5BB4
ling
mi
mi
niang 917F
xin 8845
jiao
shai 917E
mi
yan 917D
bian
cai
shi
you
shi
shi 91CA
li
zhong
ye
liang
xi 5398
jin
jin 9485
ga 9486
yi 9487
liao 948C
dao
zhao 948A
ding 9489
po 948B
qiu
ba
fu
zhen 9488
zhi
ba
luan
fu
nai
diao 9493
shan 9490
qiao
kou 6263
chuan 948F
zi
fan 9492
hua
hua
han
gang
qi
mang
ri
di
si
xi
yi 2CB29
chai 9497
shi
tu 948D
xi
nu 9495
qian 948E
qiu
jian
pi
ye
jin 2CB31
ba 94AF
fang 94AB
chen
xing 9498
dou 94AD
yue
qian
fu 2B4E7
bu 949A
na 94A0
xin
e
jue
dun 949D
gou 94A9
yin
qian 94A4
ban 94A3
sa 9491
ren
chao 949E
niu 94AE
fen
yun
yi
qin
pi
guo
hong
yin
jun 94A7
diao
yi
zhong
xi
gai 9499
ri
huo 94AC
tai 949B
kang 94AA
yuan
lu
e
qin
duo
zi
ni 94CC
tu
shi 94C8
min
gu
ke 94B6
ling 94C3
bing
si
gu 94B4
bo 94B9
pi 94CD
yu 94B0
si
zuo
bu 94B8
you 94C0
tian 94BF
jia 94BE
zhen
shi
shi
zhi
ju 949C
chan
shi
shi 94CA
xuan 94C9
zhao 2CB3F
bao 94C7
he
bi 94CB
sheng
chu
shi
bo 94C2
zhu
chi
za
po 94B7
tong
qian 94B3
fu
zhai
mao 94C6
qian 94C5
fu
li 2B7F7
yue 94BA
pi
yang
ban
bo 94B5
jie
gou 94A9
shu 2CB38
zheng 94B2
mu 2CB41
xi 9FED
xi
di
jia
mu 94BC
tan 94BD
huan 2CB39
yi
si
kuang
ka
bei
jian
tong
xing 94CF
hong 2B7F9
jiao 94F0
chi
er 94D2
ge 94EC
bing
shi
mou
jia 94EA
yin 94F6
jun
zhou
chong 94F3
xiang
tong 94DC
mo
lei
ji 2B4EF
yu
xu
ren
zun
zhi 94DA
qiong
shan
chi
xian 94E3
xing
quan 94E8
pi
tie
zhu 94E2
xiang
ming 94ED
kua
yao 94EB
xian 94E6
xian 8854
xiu
jun
cha
lao 94D1
ji
pi
ru 94F7
mi
yi 94F1
yin 94DF
guang
an 94F5
diu 94E5
you 94D5
se 94EF
kao 94D0
qian
luan
si
ai
diao 94DE
han 710A
rui 9510
shi
keng
qiu 28C47
xiao 9500
zhe
xiu 9508
zang
ti 9511
cuo 9509
gua
hong
zhong
tou
lu 94DD
mei
lang 9512
wan
xin 950C
yun
bei 94A1
wu
su
yu
chan
ding 94E4
bo
han
jia 94D7
hong 2CB4E
cuan
feng 950B
chan
wan
zhi
si
xuan 2B4F6
hua
yu 94FB
tiao
kuang
zhuo
lue 950A
xing
qin 9513
shen
han
lue
ye 94D8
chu 9504
zeng 9503
ju 9514
xian
e 9507
mang 94D3
pu 94FA
li
pan
rui 9510
cheng 94D6
gao 9506
li 9502
te 94FD
bing
zhu
zhen
tu
liu 950D
zui
ju 952F
chang 2CB2E
yuan
jian
gang 94A2
diao
tao
chang
lun 2CB2D
guo 951E
ling
pi
lu 5F55
li
qiang 9516
pou 952B
juan 9529
min
zui
peng
an
pi
xian
ya 94D4
zhui 9525
lei
a 9515
kong
ta
kun 951F
du
nei
chui 9524
zi 9531
zheng 94EE
ben 951B
nie
zong
chun 2CB5A
tan 952C
ding 952D
qi 951C
qian 94B1
zhui
ji 2B4F9
yu
jin 9526
guan
mao 951A
chang 9520
tian
xi 9521
lian
tao
gu 9522
cuo 9519
shu
zhen
lu 5F55
meng 9530
lu
hua
biao 8868
ga
lai 94FC
ken
fang
wu
nai
wan
zan
hu
de 951D
xian 9528
pian
huo 952A
liang
fa
men 9494
kai 9534
ying 9533
di
lian 70BC
guo 9505
xian
du 9540
tu
wei
zong
fu
rou
ji
e 9537
jun
chen
ti
zha 94E1
hu
yang 9496
duan 953B
xia
yu
keng
sheng
huang 953D
wei
fu
zhao
cha 9538
qie 9532
shi
hong
kui
tian 9518
mou
qiao
qiao 9539
hou 2CB64
tou
cong
huan 953E
ye
min
jian
duan
jian 952E
song 9536
kui
hu
xuan
zhe 9517
jie
zhen
bian
zhong 949F
zi
xiu
ye
mei 9541
pai
ai 953F
jie
qian
mei 9545
suo
da
bang 9551
xia
lian
suo
kai
liu
yao
ye
nou
weng 2CB69
rong 9555
tang
suo 9501
qiang 67AA
li 9549
shuo
chui 9524
bo 9548
pan
da 28C4F
bi
sang
gang
zi 9543
wu 94A8
ying 84E5
huang
tiao
liu 954F
kai 94E0
sun
sha 94E9
sou 953C
wan
hao 9550
zhen
zhen 9547
lang
yi 9552
yuan
tang 954B
nie 954D
xi
jia 9553
ge 9FD4
ma
juan 954C
song
zu
suo
xia
feng
wen
na 954E
lu
suo
ou
zu 955E
tuan
xiu
guan
xuan 955F
lian 94FE
shou
ao
man
mo 9546
luo 9559
bi
wei 2CB6C
liu 9560
di 955D
san
zong
yi
lu
ao
keng 94FF
qiang 9535
cui
qi
chang
tang 9557
man 9558
yong 955B
chan 94F2
feng
jing 955C
biao 9556
shu
lou 9542
xiu
cong
long
zan 933E
jian
cao
li
xia
xi
kang
shuang
beng 955A
zhang
qian
cheng
lu
hua 94E7
ji
pu 9564
hui
qiang 956A
po 497D
lin 2CB78
se
xiu 9508
san
cheng
kui
si
liu
nao 94D9
huang 28C51
pie
sui
fan 2B50D
qiao
quan
yang
tang 94F4
xiang
jue 2B50E
jiao
zun 28C54
liao 9563
qie
lao 94F9
dui 9566
xin 9561
zan
ji
jian
zhong 949F
deng 956B
ya
ying
dui
jue 9562
nou
zan
pu 9568
tie
fan
cheng
ding
shan
kai 950E
jian 950F
fei 9544
sui 2CB7C
lu
juan 954C
hui
yu
lian 9570
zhuo 4983
qiao
jian
zhuo 956F
lei 956D
bi
tie 94C1
huan 956E
ye
duo 94CE
guo
dang 94DB
ju
fen
da 2B7FC
bei
yi 9571
ai
zong
xun
diao
zhu 94F8
heng
zhui
ji
nie 9FED
he
huo 956C
qing
bin 9554
ying
kui
ning
xu
jian 9274
jian 9274
qian
cha 9572
zhi 9527
mie
li
lei
ji
zuan
kuang
shang
peng
la 9574
du
shuo 94C4
chuo
lu
biao 9573
bao
lu 9565
xian
kuan
long
e
lu 2CB3B
xin
jian
lan 9567
bo
jian
yao 94A5
chan 9575
xiang 9576
jian
xi
guan
cang
nie 954A
lei
cuan 9569
qu
pan
luo 9523
zuan 94BB
luan 92AE
zao 51FF
nie
jue 4986
tang
zhu
lan
jin
ga
yi
zhen
ding
zhao
po
liao
tu
qian
chuan
shan
sa
fan
diao
men
nu
yang
chai
xing
gai
bu
tai
ju
dun
chao
zhong
na
bei
gang
ban
qian
yao
qin
jun
wu
gou
kang
fang
huo
dou
niu
ba
yu
qian
zheng
qian
gu
bo
ke
po
bu
bo
yue
zuan
mu
tan
jia
dian
you
tie
bo
ling
shuo
qian
mao
bao
shi
xuan
ta
bi
ni
pi
duo
xing
kao
lao
er
mang
ya
you
cheng
jia
ye
nao
zhi
dang
tong
lu
diao
yin
kai
zha
zhu
xi
ting
diu
xian
hua
quan
sha
ha
diao
ge
ming
zheng
se
jiao
yi
chan
chong
tang
an
yin
ru
zhu
lao
pu
wu
lai
te
lian
keng
xiao
suo
li
zeng
chu
guo
gao
e
xiu
cuo
lue
feng
xin
liu
kai
jian
rui
ti
lang
qin
ju
a
qiang
zhe
nuo
cuo
mao
ben
qi
de
ke
kun
chang
xi
gu
luo
chui
zhui
jin
zhi
xian
juan
huo
pei
tan
ding
jian
ju
meng
zi
qie
ying
kai
qiang
si
e
cha
qiao
zhong
duan
sou
huang
huan
ai
du
mei
lou
zi
fei
mei
mo
zhen
bo
ge
nie
tang
juan
nie
na
liu
gao
bang
yi
jia
bin
rong
biao
tang
man
luo
beng
yong
jing
di
zu
xuan
liu
chan
jue
liao
pu
lu
dun
lan
pu
cuan
qiang
deng
huo
lei
huan
zhuo
lian
yi
cha
biao
la
chan
xiang
zhang 957F
chang
jiu
ao
die
qu
liao
mi
zhang
men 95E8
ma
shuan 95E9
shan 95EA
huo
men
yan 95EB
bi
han 95EC
bi 95ED
shan
kai 5F00
kang 95F6
beng
hong 95F3
run 95F0
san
xian 95F2
xian 95F2
jian 95F4
min 95F5
xia
shui
dou
zha 95F8
nao
zhan
peng
xia
ling
bian
bi
run
ai 9602
guan 5173
ge 9601
ge
fa 9600
chu
hong 54C4
gui 95FA
min 95FD
se
kun 9603
lang 9606
lu 95FE
ting
sha
ju
yue 9605
yue 9605
chan
qu
lin
chang 960A
shai
kun
yan 9609
wen
yan 960E
e 960F
hun 960D
yu 9608
wen 960C
hong
bao
hong
qu 9612
yao
wen
ban 677F
an 6697
wei 95F1
yin 2CBB1
kuo 9614
que 9615
lan 9611
du 9607
quan
feng
tian 9617
nie 2B536
ta 9618
kai 95FF
he 9616
que 9619
chuang 95EF
guan
dou 6597
qi
kui
tang
guan 5173
piao
kan 961A
xi
hui 9613
chan 9610
pi 8F9F
dang
huan 961B
ta 95FC
wen
ta
men
shuan
shan
yan
han
bi
wen
chuang
run
wei
xian
hong
jian
min
kang
men
zha
nao
gui
wen
ta
min
lu
kai
fa
ge
he
kun
jiu
yue
lang
du
yu
yan
chang
xi
wen
hun
yan
yan
chan
lan
qu
hui
kuo
que
he
tian
ta
que
kan
huan
fu
fu
le
dui
xin
qian
wu
gai
zhi
yin
yang
dou
e 5384
sheng
ban 5742
pei
keng
yun
ruan
zhi
pi
jing
fang
yang
yin
zhen
jie
cheng
e
qu
di
zu
zuo
dian
ling
a
tuo
tuo
pi
bing
fu
ji
lu
long
chen
xing
duo
lou
mo
jiang
shu
duo
xian
er
gui
yu
gai
shan
jun
qiao
xing 9649
chun
fu
bi
xia
shan 9655
sheng 5347
zhi
pu
dou
yuan
zhen 9635
chu
xian
dao
nie
yun
xian
pei
fei
zou
yi
dui
lun
yin 9634
ju
chui
chen 9648
pi
ling
tao
xian
lu 9646
sheng
xian
yin
zhu
yang 9633
reng
xia
chong
yan
yin
shu
di 5824
yu
long
wei
wei
nie 9667
dui 961F
sui
an
huang
jie 9636
sui
yin
gai 2CBBF
yan
hui
ge
yun 9668
wu
wei
ai
xi
tang
ji 9645
zhang
dao
ao
xi
yin
sa
rao
lin
tui 2CBCE
deng
jiao
sui
sui 968F
ao
xian 9669
fen
ni
er
ji 2CBC0
dao
xi
yin 9690
zhi
hui
long 9647
xi
li
li
li 96B6
zhui
he
zhi 53EA
sun
juan
nan
yi
que
yan
qin
qian
xiong
ya
ji
gu
huan
zhi
gou
juan 96BD
ci
yong
ju
chu
hu
za
luo
yu
chou
diao
sui 867D
han
wo
shuang 53CC
guan
chu 96CF
za 6742
yong
ji 9E21
xi
chou
liu
li 79BB
nan 96BE
xue
za
ji
ji
yu
yu
xue
na
fou
se
mu
wen
fen
pang
yun 4E91
li
chi
yang
ling
lei
an
bao
wu
dian 7535
dang
hu
wu
diao
xu
ji
mu
chen
xiao
zha
ting
zhen
pei
mei
ling
qi
zhou
huo
sha
fei
hong
zhan 6CBE
yin
ni
zhu
tun
lin
ling
dong
ying
wu
ling
shuang
ling
xia
hong
yin
mai
mai 9721
yun
liu
meng
bin
wu 96FE
wei
kuo
yin
xi
yi
ai
dan
teng
xian
yu
lu
long
dai
ji
pang
yang
ba
pi
wei
feng
xi
ji 9701
mai
meng
meng
lei
li 96F3
huo
ai 972D
fei
dai 53C7
long
ling 7075
ai 53C6
feng
li
bao
he
he
he
bing
qing
qing
jing
tian
zhen
jing
cheng
qing
jing
jing 9753
dian
jing 9759
tian
fei
fei
kao
mi
mian
mian
bao
ye
tian 817C
hui
ye 9765
ge
ding
cha
qian
ren
di
du
wu
ren
qin
jin
xue
niu
ba
yin 7EBC
sa
na
mo
zu
da
ban
yi
yao
tao 9F17
bei
jie
hong
pao
yang
bing
yin
ge
tao
jie
xie
an
an
hen
gong 5DE9
qia
da
qiao
ting
man
ying
sui
tiao
qiao
xuan
kong
beng
ta
shang 7EF1
bing
kuo
ju
la
xie
rou
bang
eng
qiu
qiu
he
qiao
mu
ju
jian
bian
di
jian
wen
tao
gou
ta
bei
xie
pan
ge
bi
kuo
tang
lou
gui
qiao 9792
xue
ji
jian
jiang 7F30
chan
da 9791
hu
xian
qian
du
wa
jian 97AF
lan
wei 97E6
ren 97E7
fu 97E8
mei
quan
ge
wei
qiao
han 97E9
chang
kuo
rou
yun
she
wei 97EA
ge
bai
tao 97EC
gou
yun 97EB
gao
bi
wei 2E9F5
sui
du
wa
du
wei
ren
fu
han
wei
yun
tao
jiu
jiu 97ED
xian
xie
xian
ji
yin
za
yun
shao
le
peng
huang
ying
yun 97F5
peng
an
yin
xiang 54CD
hu
ye 9875
ding 9876
qing 9877
kui
xiang 9879
shun 987A
han 9878
xu 987B
yi
xu 987C
e
song 9882
kui 2B806
qi 9880
hang 9883
yu 9884
wan 987D
ban 9881
dun 987F
di 2CC56
dan
pan
po 9887
ling 9886
che
jing
lei
he 988C
qiao
e
e
wei 2CC5F
xie 9889
kuo
shen
yi 9890
yi
hai 988F
dui
yu
ping
lei
fu 2B5AF
jia
tou 5934
hui 9892
kui
jia 988A
luo
ting 988B
cheng
ying 9895
yun 2B5B3
hu
han 9894
jing 9888
tui 9893
tui
pin 9891
lai
tui 9893
zi
zi
chui
ding
lai
tan
han
qian
ke 9897
cui
xuan
qin
yi
sai
ti 9898
e 989D
e 989A
yan 989C
wen
kan
yong 9899
zhuan 989B
yan 989C
xian
xin
yi 2B5AE
yuan 613F
sang 98A1
dian
dian 98A0
jiang
kui
lei 7C7B
lao
piao
wai
man 989F
cu
yao
hao 98A2
qiao
gu 987E
xun
yan
hui
chan 98A4
ru 98A5
meng
bin
xian 663E
pin 98A6
lu 9885
lan
nie 989E
quan 98A7
ye
ding
qing
han
xiang
shun
xu
xu
wan
gu
dun
qi
ban
song
hang
yu
lu
ling
po
jing
jie
jia
ting
he
ying
jiong
ke
yi
pin
hui
tui
han
ying
ying
ke
ti
yong
e
zhuan
yan
e
nie
man
dian
sang
hao
lei
chan
ru
pin
quan
feng 98CE
biao
gua
fu
xia
zhan 98D0
biao 98D1
sa 98D2
ba
tai 53F0
lie
gua 522E
xuan
shao
ju 98D3
biao
si 98D4
wei
yang 98CF
yao 98D6
sou 98D5
kai
sou
fan
liu 98D7
xi
liu
piao
piao 98D8
liu
biao 98D9
biao
biao 98DA
liao
biao
se
feng
xiu
feng
yang
zhan
biao
sa
ju
si
sou
yao
liu
piao
biao
biao
fei 98DE
fan
fei
fei
shi
shi 9963
can
ji 9965
ding 9964
si
tuo 9966
zhan
sun
xiang
tun 9968
ren 996A
yu 996B
juan
chi 996C
yin
fan 996D
fan
sun
yin 996E
tou
yi 9974
zuo
bi
jie
tao
bao
ci
tie
si 9972
bao 9971
shi 9970
duo 9973
hai
ren
tian
jiao 997A
jia 9978
bing 997C
yao
tong
ci
xiang 9977
yang 517B
juan
er 9975
yan
le 9979
xi 997B
can
bo 997D
nei 9981
e 997F
bu
jun 9982
dou 997E
su 2B5E7
yu 4F59
shi
yao 80B4
hun 9984
guo 9983
shi
jian 996F
zhui
bing
xian 9985
bu
ye
tan
fei
zhang
wei
guan 9986
e
nuan
yun
hu 7CCA
huang
tie
hui
jian
hou 7CC7
ai
tang 9967
fen
wei 5582
gu 9989
cha 9987
song
tang
bo 998E
gao
xi 9969
kui 9988
liu 998F
sou 998A
tao
ye 998C
wen
mo 998D
tang
man 9992
bi
yu
xiu 9990
jin 9991
san 9993
kui 9988
zhuan 9994
shan
chi
dan
yi
ji 9965
rao 9976
cheng
yong
tao
wei
xiang 98E8
zhan 2B5F4
fen
hai
meng
yan 990D
mo
chan 998B
xiang
luo
zan
nang 9995
shi
ding
ji
tuo
xing
tun
xi
ren
yu
chi
fan
yin
jian
shi
bao
si
duo
yi
er
rao
xiang
he
le
jiao
xi
bing
bo
dou
e
yu
nei
jun
guo
hun
xian
guan
cha
kui
gu
sou
chan
ye
mo
bo
liu
xiu
jin
man
san
zhuan
nang
shou
kui
guo
xiang
fen
bo
ni
bi
bo
tu
han
fei
jian
an
ai
fu
xian
yun
xin
fen
pin
xin
ma 9A6C
yu 9A6D
feng 51AF
han
di
tuo 9A6E
zhe
chi 9A70
xun 9A6F
zhu
zhi
pei
xin
ri 9A72
sa
yun
wen 2B61C
zhi
dan
lu
you
bo 9A73
bao
jue 2B61D
tuo
yi
qu
wen
qu
jiong 2CCF6
po
zhao
yuan
pei
zhou
ju
zhu 9A7B
nu 9A7D
ju 9A79
pi 2CCF5
zang 9A75
jia 9A7E
ling
zhen
tai 9A80
fu 9A78
yang
shi 9A76
bi
tuo 9A7C
tuo
si 9A77
liu
ma 9A82
pian 9A88
tao
zhi
rong
teng
dong
xun
quan
shen 2CCFD
jiong
er
hai 9A87
bo
zhu
yin 9A83
luo 9A86
zhou
dan
hai
liu
ju
song
qin 9A8E
mang
lang
han
tu 2CCFF
xuan
tui
jun 9A8F
e
cheng 9A8B
xing 9A8D
ai
lu 2B627
zhui 9A93
zhou
she
pian
kun
tao 2B626
lai
zong 9A94
ke 9A92
qi 9A91
qi 9A90
yan
fei 2CD02
sao
yan
ge
yao
wu 9A9B
pian
cong
pian 9A97
qian
fei
huang
qian
huo 2CD03
yu
ti 2B628
quan
xia
zong
kui 9A99
rou
si
gua 4BC4
tuo
gui
sou
qian 9A9E
cheng
zhi 9A98
liu 9A9D
peng
teng 817E
xi 2B62C
cao
du
yan
yuan 2B62A
zou 9A7A
sao 9A9A
shan 9A9F
qi
zhi
shuang
lu
xi
luo 9AA1
zhang
mo 84E6
ao 9A9C
can 9A96
biao 9AA0
cong 9AA2
qu 9A71
bi
zhi
yu
xu
hua 9A85
bo
su 9A95
xiao 9A81
lin 2CD0A
zhan 9AA3
dun
liu
tuo
ceng
dian
jiao 9A84
tie
yan 9A8C
luo
zhan
jing 60CA
yi 9A7F
ye
tuo
pin
zhou 9AA4
yan
long
lu 9A74
teng
xiang 9AA7
ji 9AA5
shuang 9AA6
ju
xi
huan
li 9A8A
biao 9A89
ma
yu
tuo
xun
chi
qu
ri
bo
lu
zang
shi
si
fu
ju
zou
zhu
tuo
nu
jia
yi
dai
xiao
ma
yin
jiao
hua
luo
hai
pian
biao
li
cheng
yan
xing
qin
jun
qi
qi
ke
zhui
zong
su
can
pian
zhi
kui
sao
wu
ao
liu
qian
shan
biao
luo
cong
chan
zhou
ji
shuang
xiang
gu
wei
wei
wei
yu
gan
yi
ang 80AE
tou
jie
bao
bei
ci
ti
di
ku
hai
qiao
hou
kua
ge
tui
geng
pian
bi
ke
qia
yu
sui
lou
bo
xiao
bang
bo
ci
kuan
bin
mo
liao
lou 9AC5
xiao
du
zang 810F
sui
ti 4F53
bin 9ACC
kuan 9ACB
lu
gao
gao
qiao
kao
qiao
lao
sao
biao
kun
kun
di
fang
xiu
ran
mao
dan
kun
bin
fa
tiao
pi
zi
fa 53D1
ran
ti
bao
bi
mao
fu
er
rong
qu
gong
xiu
kuo
ji
peng
zhua
shao
suo
ti 5243
li
bin
zong
di
peng
song 677E
zheng
quan
zong
shun
jian
tuo
hu 80E1
la
jiu
qi
lian
zhen
bin
peng
ma
san
man
man
seng
xu 987B
lie
qian
qian
nang
huan
kuo
ning
bin 9B13
lie
rang
dou 6597
dou
nao 95F9
hong 54C4
xi 960B
dou
han
dou
dou 6597
jiu 9604
chang
yu
yu 90C1
ge
yan
fu
qin
gui
zong
liu
gui 9B36
shang
yu
gui
mei
ji
qi
ga
kui
hun
ba
po
mei
xu
yan
xiao
liang
yu
tui
qi
wang
liang 9B49
wei
gan
chi
piao
bi
mo
ji
xu
chou
yan 9B47
zhan
yu 9C7C
dao 9C7D
ren
jie
ba
hong
tuo
diao
ji 9C7E
xu
e
e
sha
hang
tun 9C80
mo
jie
shen
ban
yuan
pi
lu 9C81
wen
hu
lu
za
fang 9C82
fen
na
you 9C7F
pian
mo
he 9C84
xia
qu
han
pi
ling
tuo 2CD8D
bo 9C85
qiu
ping 9C86
fu
bi
ci 2B696
wei
ju 2CD8B
diao
ba 9C8C
you 9C89
gun
pi 9C8F
nian 9C87
xing
tai 9C90
bao 9C8D
fu 9C8B
zha 9C8A
ju
gu
shi
dong
dai
ta
jie 9C92
shu
hou 9C98
xiang 9C9E
er 9C95
an 29F7E
wei 2CD8F
zhao 2CD90
zhu
yin 4C9F
lie
luo
tong 9C96
ti
yi
bing
wei 9C94
jiao 9C9B
ku
gui 9C91
xian 9C9C
ge
hui
lao
fu
kao 9C93
xiu
duo
jun 9CAA
ti
mian 29F83
shao
zha 9C9D
suo
qin
yu
nei
zhe
gun 9CA7
geng 9CA0
su
wu
qiu
shan
pu
huan 9CA9
tiao
li 9CA4
sha 9CA8
sha
kao
meng
cheng
li
zou
xi
yong 9CAC
shen
zi 9CBB
qi 9CAF
zheng 9CAD
xiang
nei
chun
ji
diao 9CB7
qie
gu 9CB4
zhou
dong
lai
fei 9CB1
ni 9CB5
yi
kun 9CB2
lu
jiu
chang 9CB3
jing 9CB8
lun
ling 9CAE
zou 9CB0
li
meng
zong
zhi
nian 9CB6
hu
yu
di
shi 9CBA
shen
huan
ti 9CC0
hou
xing
zhu
la 2CD9F
zong
zei 9CAB
bian
bian 9CCA
huan
quan 9CC8
zei 9C97
wei 9CC2
wei
yu
chun 4CA0
rou
die 9CBD
huang 9CC7
lian 2CDA0
yan
qiu
qiu 9CC5
jian
bi 9CBE
e 9CC4
yang
fu 9CC6
sai 9CC3
gan
xia
tuo
hu
shi
ruo
xuan
wen
qian 9CD2
hao
wu
fang 9CD1
sao 9CCB
liu
ma
shi 9CA5
shi 2B695
guan 9CCF
zi
teng 4CA2
ta 9CCE
yao 9CD0
e
yong
qian
qi 9CCD
wen 9CC1
ruo
shen
lian 9CA2
ao 9CCC
le 9CD3
hui
min 9CD8
ji 2CDAD
tiao 9CA6
qu
jian 9CA3
shen 9CB9
man 9CD7
xi 9CDB
qiu
biao 9CD4
ji
ji 2CDA8
zhu
jiang 9CC9
xiu
zhuan
yong 9CD9
zhang
kang 29F8C
xue 9CD5
bie 9CD6
yu
qu
xiang
bo
jiao
xun
su
huang
zun 9CDF
shan
shan 9CDD
fan
gui 9CDC
lin 9CDE
xun 9C9F
miao
xi 2CDAE
zeng
xiang
fen 9CBC
guan
hou 9C8E
kuai 9C99
zei
sao
zhan 9CE3
gan 9CE1
gui
ying
li 9CE2
chang 9CBF
lei
shu
ai
ru
ji 9C9A
xu
hu 9CE0
shu
li
lie 2B6AD
li
mie
zhen
xiang
e 9CC4
lu 9C88
guan
li 9CA1
xian
yu
dao
ji
you
tun
lu
fang
ba
he
ba
ping
nian
lu
you
zha
fu
bo
bao
hou
pi
tai
gui
jie
kao
wei
er
tong
zei
hou
kuai
ji
jiao
xian
zha
xiang
xun
geng
li
lian
jian
li
shi
tiao
gun
sha
huan
jun
ji
yong
qing
ling
qi
zou
fei
kun
chang
gu
ni
nian
diao
jing
shen
shi
zi
fen
die
bi
chang
ti
wen
wei
sai
e
qiu
fu
huang
quan
jiang
bian
sao
ao
qi
ta
guan
yao
pang
jian
le
biao
xue
bie
man
min
yong
wei
xi
gui
shan
lin
zun
hu
gan
li
zhan
guan
niao 9E1F
yi
fu 51EB
li
jiu 9E20
bu
yan
fu 51EB
diao
ji
feng
ru
gan
shi 9E24
feng 51E4
ming 9E23
bao
yuan 9E22
zhi
hu
qin
fu
ban
wen
jian
shi 4D13
yu
fou
yao
jue
jue
pi
huan
zhen 9E29
bao 9E28
yan
ya 9E26
zheng
fang
feng
wen
ou
dai
ge
ru
ling 9E30
mie
fu
tuo 9E35
min
li
bian
zhi
ge
yuan 9E33
ci
qu 9E32
xiao 9E2E
chi 9E31
dan
ju
yao
gu 9E2A
zhong
yu
yang 9E2F
yu
ya 9E2D
tie
yu
tian
ying
dui
wu
er 9E38
gua 9E39
ai
zhi
yan
heng 9E3B
xiao
jia
lie 4D15
zhu
yang
ti
hong 9E3F
luo
ru
mou
ge 9E3D
ren
jiao 4D14
xiu 9E3A
zhou 9E3C
chi
luo
heng
nian
e
luan
jia
ji
tu
huan
tuo
bu 2CDD5
wu 9E40
juan 9E43
yu 9E46
bo 9E41
jun
jun
bi
xi
jun
ju
tu
jing
ti 9E48
e 9E45
e
kuang 2B6ED
hu 9E44
wu 9E49
shen
lai
jiao
pan
lu
pi
shu
fu
an 9E4C
zhuo
peng 9E4F
qin
qian 9E50
bei 9E4E
diao
lu
que 9E4A
jian
ju
tu
ya
yuan 9E53
qi
li
ye
zhui
kong
duo
kun 9E4D
sheng
qi
jing
yi
yi
jing 4D16
zi
lai
dong 9E2B
qi
chun 9E51
geng 9E52
ju
jue
yi
zun
ji
shu
ying
chi
miao 9E4B
rou
an
qiu 9E59
ti
hu 9E55
ti
e 9E57
jie
mao
fu
chun
tu
yan 2CE18
he 9E56
yuan
pian
kun
mei 9E5B
hu
ying
chuan
wu 9E5C
ju 4D17
dong
cang 9E27
fang
he
ying 83BA
yuan
xian 2CE23
weng 9E5F
shi
he 9E64
chu
tang
xia
ruo
liu 9E60
ji 9E61
gu 9E58
jian 9E63
sun
han
ci
ci 9E5A
yi 9E62
yao 9E5E
yan
ji 9E21
li
tian
kou
ti 4D18
ti
yi 9E5D
tu
ma
xiao
gao
tian
chen
ji
tuan
zhe 9E67
ao
yao
yi 9E65
ou 9E25
chi
zhi 9E37
liu 9E68
yong
lu
bi
shuang
zhuo 2CE26
yu
wu
jue
yin
ti
si 9E36
jiao 9E6A
yi
hua
bi
ying
su 9E54
huang
fan 2CE2A
jiao
liao 9E69
yan
gao
jiu 9E6B
xian 9E47
xian
tu
mai
zun
yu 9E6C
ying 9E70
lu 9E6D
tuan
xian
xue 9E34
yi
pi 4D19
shu
luo
xi 3D89
yi
ji
ze
yu
zhan 9E6F
ye
yang
pi
ning
hu 9E71
mi
ying
meng 9E72
di
yue 2CE1A
yu
lei
bu
lu 9E2C
he
long
shuang 9E74
yue
ying 9E66
guan 9E73
qu
li 9E42
luan 9E3E
niao
jiu
ji
yuan
ming
shi
ou
ya
cang
bao
zhen
gu
dong
lu
ya
xiao
yang
ling
chi
qu
yuan
xue
tuo
si
zhi
er
gua
xiu
heng
zhou
ge
luan
hong
wu
bo
li
juan
gu
e
yu
xian
ti
wu
que
miao
an
kun
bei
peng
qian
chun
geng
yuan
su
hu
he
e
gu
qiu
ci
mei
wu
yi
yao
weng
liu
ji
yi
jian
he
yi
ying
zhe
liu
liao
jiao
jiu
yu
lu
huan
zhan
ying
hu
meng
guan
shuang
lu 5364
jin
ling
jian
xian 54B8
cuo 9E7E
jian
jian 78B1
yan 76D0
cuo
lu
you
cu
ji
pao
cu
pao
zhu
jun
zhu
jian
mi
mi
yu
liu
chen
jun
lin
ni
qi
lu
jiu
jun
jing
li 4E3D
xiang
xian
jia
mi
li
she
zhang
lin
jing
qi
ling
yan
cu 7C97
mai 9EA6
mai
he
chao
fu 9EB8
mian
mian
fu
pao
qu
qu 66F2
mou
fu
xian
lai
qu 9EB9
mian 9762
chi
feng
fu
qu
mian
ma
me 4E48
mo 4E48
hui
mo
zou
nun
fen
huang 9EC4
huang
jin
guang
tian
tou
hong
hua
kuang
hong 9EC9
shu
li
nian
chi
hei
hei
yi
qian
dan
xi
tun
mo
mo
qian
dai
chu
you
dian 70B9
yi
xia
yan
qu
mei
yan
qing
yue
li
dang 515A
du
can
yan
yan
yan
dan
an
zhen
dai
can 9EEA
yi
mei 9709
zhan
yan 9EE1
du 9EE9
lu
zhi
fen
fu
fu
mian 9EFE
min
yuan 9F0B
cu
qu
chao
wa
zhu
zhi
meng
ao 9CCC
bie 9CD6
tuo 9F0D
bi
yuan
chao
tuo
ding
mi
nai
ding
zi
gu
gu
dong 51AC
fen
tao
yuan
pi
chang
gao
qi
yuan
tang
teng
shu
shu
fen
fei
wen
ba
diao
tuo
zhong
qu
sheng
shi
you
shi
ting
wu
ju
jing
hun
ju
yan 9F39
tu
si
xi
xian
yan
lei
bi
yao
qiu
han
wu
wu
hou
xie
e
zha
xiu
weng
zha
nong
nang
qi 9F50
zhai 658B
ji
zi
ji 8D4D
ji 9F51
qi
ji
chi 9F7F
chen
chen 9F80
he 9F81
ya
yin 9F82
xie 2CE7C
bao 9F85
ze
xie
chai 9F87
chi
yan
ju 9F83
tiao 9F86
ling 9F84
ling
chu 51FA
quan
xie
ken 9F88
nie 556E
jiu
yao 54AC
chuo 9F8A
yun
yu 9F89
chu
yi 2CE88
ni 2B81C
ze
zou
qu 9F8B
yun
yan
ou
e 816D
wo 9F8C
yi
ci
zou
dian
chu 2CE93
jin
ya
chi
chen
he
yin
ju
ling
bao
tiao
zi
yin
yu
chuo
qu
wo
long 9F99
pang 5390
gong
pang 5E9E
yan 4DAE
long
long
gong 9F9A
kan 9F9B
da
ling
da
long
gong
kan
gui 9F9F
qiu
bie
gui
yue
chui
he
jue
xie
yu




zhan

wang



zou




shou





luan







shan
liang


zheng




liang
gang
ta
mai




ge
dan





















ao
tian
ni


han
ba
lao
tuo
dong
zhi
lang
an
tuo
mi
mai
bu
jia

lang
xing
"""
