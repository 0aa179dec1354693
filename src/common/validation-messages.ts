/**
 * Chinese texts for class-validator's rule failures. The decorators' messages are English (they
 * become `messageEn`); the Chinese `message` is chosen here by the rule's constraint name, and the
 * limits (lengths, bounds, enum values) are read back from the English text, which class-validator
 * writes in a fixed form. Custom `@Matches` messages name their format; the known ones are matched
 * by their English wording so the Chinese says the same thing.
 */

/** Custom pattern messages (see the `@Matches` decorators in the *.inputs.ts files and common/validation.ts). */
const PATTERNS: [RegExp, (field: string) => string][] = [
  [/must not be blank/, (f) => `${f} 不能为空`],
  [/must be a date YYYY-MM-DD/, (f) => `${f} 须为日期，格式 YYYY-MM-DD`],
  [/6-digit GB\/T 2260 code|district code is 6 digits/, (f) => `${f} 须为 6 位行政区划代码（GB/T 2260）`],
  [/idempotencyKey must be 8-100/, (f) => `${f}（幂等键）须为 8–100 位字母、数字或 . _ : -`],
  [/username must be 3-64/, (f) => `${f}（用户名）须为 3–64 位字母、数字或 . - _，且以字母或数字开头`],
  [/is not a refresh token/, (f) => `${f} 不是有效的刷新令牌`],
  [/64 hexadecimal digits/, (f) => `${f} 须为 64 位十六进制数`],
  [/15 digits not starting with 0/, (f) => `${f}（工商注册号）须为 15 位数字，且不以 0 开头`],
  [/CCC certificate number/, (f) => `${f} 须为 16 位 CCC 证书编号，以年份（19xx/20xx）开头`],
  [/Chinese mobile .* or landline/, (f) => `${f} 须为手机号码（如 13812341234）或固定电话（如 0833-2123456）`],
];

const num = (en: string): string => en.match(/-?\d+(?:\.\d+)?/g)?.at(-1) ?? '';

/** Per class-validator constraint name: the Chinese text, given the field and the English message. */
const BY_CONSTRAINT: Record<string, (field: string, en: string) => string> = {
  isNotEmpty: (f) => `${f} 不能为空`,
  isDefined: (f) => `${f} 为必填项`,
  arrayNotEmpty: (f) => `${f} 至少须填写一项`,
  arrayMinSize: (f, en) => `${f} 至少须有 ${num(en)} 项`,
  arrayMaxSize: (f, en) => `${f} 最多 ${num(en)} 项`,
  maxLength: (f, en) => `${f} 最多 ${num(en)} 个字符`,
  minLength: (f, en) => `${f} 至少 ${num(en)} 个字符`,
  isLength: (f) => `${f} 长度不符合要求`,
  max: (f, en) => `${f} 不能大于 ${num(en)}`,
  min: (f, en) => `${f} 不能小于 ${num(en)}`,
  isInt: (f) => `${f} 须为整数`,
  isNumber: (f) => `${f} 须为数字`,
  isBoolean: (f) => `${f} 须为是/否（布尔值）`,
  isDate: (f) => `${f} 须为有效的日期时间`,
  isUUID: (f) => `${f} 须为有效的记录 ID（UUID）`,
  isEnum: (f, en) => `${f} 须为以下取值之一：${en.split(': ').slice(1).join(': ')}`,
  isString: (f) => `${f} 须为文本`,
  nestedValidation: (f) => `${f} 须为对象或数组`,
  whitelistValidation: (f) => `不接受字段 ${f}`,
};

/** The Chinese `message` for one failed rule; `en` is class-validator's English message. */
export function validationMessageZh(constraint: string, field: string, en: string): string {
  for (const [pattern, zh] of PATTERNS) if (pattern.test(en)) return zh(field);
  return BY_CONSTRAINT[constraint]?.(field, en) ?? `${field} 格式或取值不正确`;
}
