import { ApiKey, LoginThrottle, RefreshToken, User } from '../modules/access/access.entities';
import { Campaign, JointOperation, Task, TaskNote, Warning } from '../modules/campaigns/campaigns.entities';
import { CodeCounter } from '../common/sequence';
import { IdempotencyKey } from '../common/idempotency';
import { Inspection, InspectionChecklistResult } from '../modules/inspection/inspection.entities';
import { EnforcementCase, Evidence, ExtensionRequest, Listing, RemediationEvent, RemediationItem } from '../modules/remediation/remediation.entities';
import { AuditEvent } from '../modules/audit/audit.entity';
import { ImportJob, ImportRow } from '../modules/import/import.entities';
import { Business, Certificate, CertificateStatusChange, ProductModel, Site, SupplyRelation } from '../modules/registry/registry.entities';
import { CalendarDay, CalendarYear } from '../modules/reference/calendar.entities';
import { DailySnapshot, Escalation, EscalationRule, JobRun } from '../modules/jobs/jobs.entities';
import { Notification } from '../modules/notifications/notifications.entities';
import { OutboxEvent, WebhookDelivery, WebhookSubscriber } from '../modules/live/live.entities';
import { ChecklistItem, Department, District, HazardType, RegulatoryMilestone, TaskTeam, TaskTeamDepartment, TaskTeamStage } from '../modules/reference/reference.entities';

/** Every entity, listed explicitly (a glob does not work alike under ts-node, jest and dist). */
export const ENTITIES = [User, ApiKey, LoginThrottle, RefreshToken, AuditEvent, District, Department, TaskTeam, TaskTeamDepartment, TaskTeamStage, HazardType, ChecklistItem, RegulatoryMilestone, Business, Site, ProductModel, Certificate, CertificateStatusChange, SupplyRelation,
  Inspection, InspectionChecklistResult, RemediationItem, RemediationEvent, ExtensionRequest, Listing, EnforcementCase, Evidence, CodeCounter, IdempotencyKey,
  CalendarYear, CalendarDay, ImportJob, ImportRow, Campaign, JointOperation, Task, TaskNote, Warning, JobRun, EscalationRule, Escalation, DailySnapshot, Notification, OutboxEvent, WebhookSubscriber, WebhookDelivery];
