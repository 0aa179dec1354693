import { ApiKey, LoginThrottle, User } from '../modules/access/access.entities';
import { AuditEvent } from '../modules/audit/audit.entity';
import { Business, Certificate, CertificateStatusChange, ProductModel, Site, SupplyRelation } from '../modules/registry/registry.entities';
import { ChecklistItem, Department, District, HazardType, TaskTeam, TaskTeamDepartment, TaskTeamStage } from '../modules/reference/reference.entities';

/** Every entity, listed explicitly (a glob does not work alike under ts-node, jest and dist). */
export const ENTITIES = [User, ApiKey, LoginThrottle, AuditEvent, District, Department, TaskTeam, TaskTeamDepartment, TaskTeamStage, HazardType, ChecklistItem, Business, Site, ProductModel, Certificate, CertificateStatusChange, SupplyRelation];
