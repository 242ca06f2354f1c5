/**
 * The one `Database` interface Kysely types every query with, composed from the tables each
 * module owns. Row types stay inside each module's store; services hand out allow-listed views.
 *
 * Conventions: times are epoch ms (`number`), booleans are 0/1 integers, JSON is text.
 */
import type { AccountsTables } from '../../accounts/schema.js';
import type { SessionsTables } from '../../sessions/schema.js';
import type { SignInTables } from '../../signin/schema.js';
import type { CodesTables } from '../../codes/schema.js';
import type { AuditTables } from '../audit/schema.js';
import type { NotifyTables } from '../../notify/schema.js';
import type { OperatorsTables } from '../../operators/schema.js';
import type { RateLimitTables } from '../rate-limit/schema.js';
import type { CaptchaTables } from '../../captcha/schema.js';
import type { DeliveryTables } from '../../notify/delivery/schema.js';
import type { WebhookTables } from '../../notify/webhooks/schema.js';
import type { GeoReportTables } from '../../geo-reports/schema.js';
import type { ContactsTables } from '../../contacts/schema.js';
import type { MfaTables } from '../../mfa/schema.js';
import type { ProtectionTables } from '../../protection/schema.js';

export interface Database
  extends AccountsTables,
    SessionsTables,
    SignInTables,
    CodesTables,
    AuditTables,
    NotifyTables,
    OperatorsTables,
    RateLimitTables,
    CaptchaTables,
    DeliveryTables,
    WebhookTables,
    GeoReportTables,
    ContactsTables,
    MfaTables,
    ProtectionTables {}
