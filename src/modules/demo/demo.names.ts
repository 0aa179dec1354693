/**
 * Word lists for synthetic Leshan data: people, trade names, streets and compounds. Invented
 * combinations of common words; any likeness to a real business is accidental.
 */
import type { Rng } from './demo.random';
import { weighted } from './demo.random';

const SURNAMES = weighted<string>([
  ['王', 70], ['李', 70], ['张', 65], ['刘', 55], ['陈', 50], ['杨', 45], ['黄', 25], ['赵', 25], ['吴', 22], ['周', 22],
  ['徐', 15], ['孙', 12], ['马', 12], ['朱', 12], ['胡', 12], ['郭', 12], ['何', 14], ['林', 8], ['罗', 16], ['高', 10],
  ['郑', 8], ['梁', 8], ['谢', 10], ['宋', 7], ['唐', 10], ['许', 6], ['韩', 5], ['冯', 6], ['邓', 10], ['曹', 5],
  ['彭', 8], ['曾', 8], ['肖', 8], ['田', 6], ['董', 5], ['袁', 6], ['潘', 4], ['于', 3], ['蒋', 6], ['蔡', 4],
  ['余', 7], ['杜', 6], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 3], ['丁', 3], ['任', 5], ['沈', 3],
  ['姚', 3], ['卢', 4], ['姜', 3], ['崔', 2], ['钟', 4], ['谭', 5], ['陆', 2], ['汪', 3], ['范', 3], ['廖', 6],
  ['雷', 5], ['熊', 5], ['付', 5], ['税', 1], ['母', 1], ['敬', 1], ['苟', 2], ['向', 3], ['游', 2], ['龚', 3],
]);
const GIVEN_CHARS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红燕鹏辉建国志勇海波宇浩然文斌俊峰琴雪梅晓东春林德兵成福云飞瑶婷欣怡子涵梓轩浩宇一诺思远佳琪雨萱凯蓉川渝蜀嘉峨';
const YI_NAMES = ['阿吉拉则', '吉克阿呷', '沙马拉达', '阿苦日体', '吉伍木呷', '曲比阿果', '海来尔古', '勒格伍各', '阿的子哈', '马海木呷', '俄地克古', '罗洪阿衣'];

export function personName(rng: Rng, yiArea = false): string {
  if (yiArea && rng.chance(0.3)) return rng.pick(YI_NAMES);
  const s = SURNAMES(rng);
  const one = GIVEN_CHARS[rng.int(0, GIVEN_CHARS.length - 1)];
  return rng.chance(0.7) ? s + one + GIVEN_CHARS[rng.int(0, GIVEN_CHARS.length - 1)] : s + one;
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '187', '188', '189', '191', '198', '199'];

/** A mainland mobile number 1[3-9]xxxxxxxxx. */
export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

const TRADE_A = '嘉峨凌金大岷青沫海三福鑫恒顺利宏兴众安新绿远华泰盛德鸿瑞祥宝长天丰汇佳蜀川乐龙凤永正和';
const TRADE_B = '州眉云顶佛江衣若棠江瑞达通发民远旺诚达源锦盛峰德鑫泰安运程骏驰捷力能邦信';
/** A two-character trade name (字号). */
export function tradeName(rng: Rng): string {
  return TRADE_A[rng.int(0, TRADE_A.length - 1)] + TRADE_B[rng.int(0, TRADE_B.length - 1)];
}

export interface DistrictGeo {
  short: string;
  lat: number;
  lon: number;
  towns: string[];
  roads: string[];
}

/** Towns/streets and roads per district (common local names), with a rough centre for coordinates. */
export const DISTRICT_GEO: Record<string, DistrictGeo> = {
  '511102': { short: '市中', lat: 29.552, lon: 103.766, towns: ['张公桥街道', '泊水街街道', '通江街道', '肖坝街道', '柏杨街道', '牟子镇', '苏稽镇', '水口镇'], roads: ['嘉定北路', '嘉定南路', '人民西路', '人民南路', '春华路', '柏杨中路', '白燕路', '长青路', '凤凰路', '新村路', '王浩儿街', '土桥街', '肖坝路', '鹤翔路', '龙游路'] },
  '511111': { short: '沙湾', lat: 29.412, lon: 103.549, towns: ['沫若街道', '嘉农镇', '太平镇', '踏水镇', '葫芦镇'], roads: ['沫若大道', '铜河路', '福禄街', '新华路', '双桥街', '沙湾大道'] },
  '511112': { short: '五通桥', lat: 29.406, lon: 103.818, towns: ['竹根镇', '牛华镇', '桥沟镇', '西坝镇', '金粟镇'], roads: ['通江路', '竹根大道', '新华街', '盐码头街', '茫溪路', '丰收街'] },
  '511113': { short: '金口河', lat: 29.244, lon: 103.079, towns: ['金河镇', '永和镇', '吉星镇'], roads: ['大峡谷路', '金河大道', '解放路', '新村路'] },
  '511123': { short: '犍为', lat: 29.208, lon: 103.949, towns: ['玉津镇', '孝姑镇', '清溪镇', '罗城镇', '石溪镇', '芭沟镇'], roads: ['文庙街', '玉津大道', '犍为大道', '新民街', '嘉阳路', '沙嘴街'] },
  '511124': { short: '井研', lat: 29.652, lon: 104.069, towns: ['研城镇', '马踏镇', '竹园镇', '千佛镇', '王村镇'], roads: ['研城大道', '工农街', '南大街', '金马街', '茅桥路'] },
  '511126': { short: '夹江', lat: 29.737, lon: 103.572, towns: ['漹城镇', '黄土镇', '甘江镇', '界牌镇', '木城镇'], roads: ['迎春路', '滨江路', '东大街', '千佛大道', '陶瓷路', '漹城大道'] },
  '511129': { short: '沐川', lat: 28.957, lon: 103.902, towns: ['沐溪镇', '利店镇', '底堡乡', '舟坝镇'], roads: ['沐溪大道', '竹海路', '新华街', '凤翔街'] },
  '511132': { short: '峨边', lat: 29.230, lon: 103.262, towns: ['沙坪镇', '大堡镇', '毛坪镇', '黑竹沟镇'], roads: ['彝海路', '沙坪大道', '滨河路', '黑竹沟大道'] },
  '511133': { short: '马边', lat: 28.836, lon: 103.546, towns: ['民建镇', '荣丁镇', '劳动镇', '苏坝镇'], roads: ['民建大道', '马湖路', '莲花街', '滨河大道'] },
  '511181': { short: '峨眉', lat: 29.601, lon: 103.484, towns: ['绥山镇', '胜利街道', '符溪镇', '双福镇', '桂花桥镇', '燕岗镇'], roads: ['佛光南路', '名山路', '东大街', '天景路', '秀湖路', '峨秀路', '报国寺路', '红珠山路'] },
};

export function address(rng: Rng, districtName: string, districtCode: string): { address: string; lat: number; lon: number } {
  const g = DISTRICT_GEO[districtCode];
  const addr = `四川省乐山市${districtName}${rng.pick(g.towns)}${rng.pick(g.roads)}${rng.int(1, 399)}号`;
  return { address: addr, lat: round6(g.lat + (rng.next() - 0.5) * 0.08), lon: round6(g.lon + (rng.next() - 0.5) * 0.08) };
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

const COMPOUND_A = ['嘉州', '滨江', '凤凰', '翡翠', '金色', '阳光', '锦绣', '海棠', '世纪', '东方', '碧桂', '清华', '半岛', '御景', '紫薇', '桂花', '龙湖', '岷江', '青衣', '大佛', '绿心', '书香', '名门', '新城', '兴业', '春华', '佳乐', '翰林', '天鹅', '长青'];
const COMPOUND_B = ['花园', '小区', '苑', '家园', '华庭', '府', '名都', '雅居', '公馆', '新村', '城', '湾', '广场', '尚城', '里'];
export function compoundName(rng: Rng): string {
  return rng.pick(COMPOUND_A) + rng.pick(COMPOUND_B);
}

export const VENUE_NAMES: Record<string, string[]> = {
  STREET_SHOP: ['便利店', '小吃店', '五金店', '副食店', '理发店', '干洗店', '水果店'],
  NINE_SMALL_VENUE: ['网吧', '小旅馆', '小餐馆', '棋牌室', '小作坊', '小诊所', '小歌厅', '足浴店', '小超市'],
  CROWDED_VENUE: ['商场', '农贸市场', '医院', '学校', '汽车站', '体育馆', '影城', '养老院'],
  CENTRAL_PARKING_CHARGING_SITE: ['机关大院集中充电棚', '社区集中充电点', '村委会集中停放点', '产业园集中充电棚', '街道综合充电站'],
};

export const OFFICER_UNITS: Record<string, string> = {
  FIRE: '消防', ECON_IT: '经信', MARKET: '市场监管', PSB: '公安', TRAFFIC_POLICE: '交警', HOUSING: '住建', COMMERCE: '商务', ECOLOGY: '生态环境',
  EMERGENCY: '应急', DRC: '发改', NATURAL_RESOURCES: '自然资源', FINANCE: '财政', TRANSPORT: '交通', EDUCATION: '教育', POSTAL: '邮政',
  SASAC: '国资', GOV_AFFAIRS: '机关事务', URBAN_MGMT: '综合执法', STATE_GRID: '供电', CUSTOMS: '海关',
};
