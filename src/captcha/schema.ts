export interface CaptchaUsesTable {
  /** The challenge's HMAC signature: unique per challenge, so a payload is accepted once. */
  signature: string;
  expires_at: number;
}

export interface CaptchaTables {
  captcha_uses: CaptchaUsesTable;
}
