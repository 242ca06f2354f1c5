/**
 * The closed list of error codes the API can answer with, each with its HTTP status and its
 * human message in both console languages. Codes are stable; messages may be reworded.
 */
export const ERROR_CATALOG = {
  validation_failed: { status: 400, en: 'Some fields are invalid.', zh: '部分字段无效。' },
  invalid_code: { status: 400, en: 'The verification code is wrong or has expired.', zh: '验证码错误或已过期。' },
  weak_password: { status: 400, en: 'The password is too weak.', zh: '密码强度不足。' },
  invalid_assertion: { status: 400, en: 'The security key response could not be verified.', zh: '安全密钥验证失败。' },
  captcha_invalid: { status: 400, en: 'The captcha answer is invalid, expired or already used.', zh: '人机验证无效、已过期或已被使用。' },
  invalid_credentials: { status: 401, en: 'The account or password is incorrect.', zh: '账号或密码错误。' },
  unauthenticated: { status: 401, en: 'Please sign in.', zh: '请先登录。' },
  csrf_failed: { status: 403, en: 'The request is missing a valid CSRF token.', zh: '请求缺少有效的 CSRF 令牌。' },
  forbidden: { status: 403, en: 'You are not allowed to do this.', zh: '无权执行此操作。' },
  verification_required: { status: 403, en: 'This operation needs identity verification first.', zh: '此操作需要先完成身份验证。' },
  not_found: { status: 404, en: 'Not found.', zh: '未找到。' },
  email_taken: { status: 409, en: 'This email address is already registered.', zh: '该邮箱已被注册。' },
  phone_limit_reached: { status: 409, en: 'This phone number is already bound to the maximum number of accounts.', zh: '该手机号绑定的账号数已达上限。' },
  conflict: { status: 409, en: 'The request conflicts with the current state.', zh: '请求与当前状态冲突。' },
  ticket_expired: { status: 410, en: 'This verification has expired; please start again.', zh: '验证已过期，请重新开始。' },
  payload_too_large: { status: 413, en: 'The request body is too large.', zh: '请求内容过大。' },
  unsupported_media_type: { status: 415, en: 'Send JSON with Content-Type: application/json.', zh: '请以 application/json 格式发送。' },
  mfa_locked: { status: 423, en: 'Too many wrong two-step verification codes; try again later.', zh: '二次验证码错误次数过多，请稍后再试。' },
  account_locked: { status: 423, en: 'Password sign-in is locked for this account.', zh: '该账号的密码登录已被锁定。' },
  captcha_required: { status: 428, en: 'Please complete the captcha.', zh: '请完成人机验证。' },
  rate_limited: { status: 429, en: 'Too many requests; please try again later.', zh: '请求过于频繁，请稍后再试。' },
  internal_error: { status: 500, en: 'Something went wrong on our side.', zh: '服务器内部错误。' },
  service_unavailable: { status: 503, en: 'The service is temporarily unavailable.', zh: '服务暂时不可用。' },
} as const satisfies Record<string, { status: number; en: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
