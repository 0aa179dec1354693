import { Foundation1795939215728 } from './1795939215728-Foundation';
import { AccessAndAudit1795939545166 } from './1795939545166-AccessAndAudit';
import { Registry1795940682755 } from './1795940682755-Registry';
import { Remediation1795941425484 } from './1795941425484-Remediation';
import { OpenItemIndexes1795944350000 } from './1795944350000-OpenItemIndexes';
import { ReportChangeNotifications1795950000000 } from './1795950000000-ReportChangeNotifications';
import { SessionsAndRefreshTokens1796083200001 } from './1796083200001-SessionsAndRefreshTokens';
import { CreditInspectingDepartment1796083200005 } from './1796083200005-CreditInspectingDepartment';
import { ListedSupervisionTimeline1796083200006 } from './1796083200006-ListedSupervisionTimeline';
import { CasesAndCalendar1796083200007 } from './1796083200007-CasesAndCalendar';
import { ImportJobs1796083200008 } from './1796083200008-ImportJobs';
import { EventWriteOrder1796083200009 } from './1796083200009-EventWriteOrder';
import { RegulatoryMilestones1796083200050 } from './1796083200050-RegulatoryMilestones';
import { PrincipalChangeNotifications1796083200100 } from './1796083200100-PrincipalChangeNotifications';
import { ImportSites1796083200240 } from './1796083200240-ImportSites';
import { ImportInspections1796083200320 } from './1796083200320-ImportInspections';
import { ImportModelsAndRelations1796083200300 } from './1796083200300-ImportModelsAndRelations';
import { Campaigns1796083200220 } from './1796083200220-Campaigns';
import { DailyJobsAndNotifications1796083200180 } from './1796083200180-DailyJobsAndNotifications';
import { CampaignSiteTargets1796083200360 } from './1796083200360-CampaignSiteTargets';
import { OutboxRetention1796083200340 } from './1796083200340-OutboxRetention';
import { NotificationRetention1796083200400 } from './1796083200400-NotificationRetention';
import { BusinessDistrictName1796083200420 } from './1796083200420-BusinessDistrictName';
import { LiveOutbox1796083200200 } from './1796083200200-LiveOutbox';

/** Every migration in order. New migrations are added here by hand after review. */
export const MIGRATIONS: Function[] = [
  Foundation1795939215728,
  AccessAndAudit1795939545166,
  Registry1795940682755,
  Remediation1795941425484,
  OpenItemIndexes1795944350000,
  ReportChangeNotifications1795950000000,
  SessionsAndRefreshTokens1796083200001,
  CreditInspectingDepartment1796083200005,
  ListedSupervisionTimeline1796083200006,
  CasesAndCalendar1796083200007,
  ImportJobs1796083200008,
  EventWriteOrder1796083200009,
  RegulatoryMilestones1796083200050,
  PrincipalChangeNotifications1796083200100,
  ImportSites1796083200240,
  Campaigns1796083200220,
  DailyJobsAndNotifications1796083200180,
  LiveOutbox1796083200200,
  ImportModelsAndRelations1796083200300,
  ImportInspections1796083200320,
  OutboxRetention1796083200340,
  CampaignSiteTargets1796083200360,
  NotificationRetention1796083200400,
  BusinessDistrictName1796083200420,
];
