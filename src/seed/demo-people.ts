import type { Role } from '../kernel/actor.js';

/** The password of every demo account (printed at start; change it or drop the demo data in production). */
export const DEMO_PASSWORD = 'diploma-demo-2026';

export interface DemoPerson {
  email: string;
  fullName: string;
  locale: 'en' | 'fr' | 'es';
  roles: Role[];
  country: string;
  constituency: string;
  organisation: string;
  jobTitle: string;
}

/** One account per role (printed at start), then the facilitators and the demo candidates. */
export const DEMO_STAFF: DemoPerson[] = [
  { email: 'admin@example.org', fullName: 'Amina Diallo', locale: 'fr', roles: ['administrator'], country: 'IT', constituency: 'international', organisation: 'International Training Centre', jobTitle: 'Platform administrator' },
  { email: 'manager@example.org', fullName: 'Lucía Fernández', locale: 'es', roles: ['manager'], country: 'IT', constituency: 'international', organisation: 'International Training Centre', jobTitle: 'Programme manager' },
  { email: 'facilitator@example.org', fullName: 'Jean-Pierre Martin', locale: 'fr', roles: ['facilitator'], country: 'FR', constituency: 'research', organisation: 'Université de Genève', jobTitle: 'Senior lecturer' },
  { email: 'assessor@example.org', fullName: 'Hiroshi Tanaka', locale: 'en', roles: ['assessor'], country: 'JP', constituency: 'research', organisation: 'Waseda University', jobTitle: 'Professor of labour economics' },
  { email: 'participant@example.org', fullName: 'Nguyễn Thị Lan', locale: 'en', roles: ['participant'], country: 'VN', constituency: 'government', organisation: 'Ministry of Labour, Invalids and Social Affairs', jobTitle: 'Deputy director, overseas labour' },
  { email: 'ngozi.okafor@example.org', fullName: 'Ngozi Okafor', locale: 'en', roles: ['facilitator', 'assessor'], country: 'NG', constituency: 'ngo', organisation: 'Migrant Rights Network', jobTitle: 'Policy lead' },
];

/** Demo participants: many countries, every constituency, names in several scripts. */
export const DEMO_PARTICIPANTS: DemoPerson[] = [
  { email: 'carlos.nunez@example.org', fullName: 'Carlos Ñúñez Rodríguez', locale: 'es', roles: ['participant'], country: 'PY', constituency: 'workers', organisation: 'Central Unitaria de Trabajadores', jobTitle: 'Secretario de migraciones' },
  { email: 'maria.ivanova@example.org', fullName: 'Мария Иванова', locale: 'en', roles: ['participant'], country: 'KG', constituency: 'government', organisation: 'Ministry of Labour', jobTitle: 'Head of migration policy unit' },
  { email: 'mohammed.alahmad@example.org', fullName: 'محمد الأحمد', locale: 'fr', roles: ['participant'], country: 'JO', constituency: 'employers', organisation: 'Jordan Chamber of Industry', jobTitle: 'Labour affairs adviser' },
  { email: 'wang.fang@example.org', fullName: '王芳', locale: 'en', roles: ['participant'], country: 'CN', constituency: 'research', organisation: 'Renmin University', jobTitle: 'Associate professor' },
  { email: 'aisha.bello@example.org', fullName: 'Aisha Bello', locale: 'en', roles: ['participant'], country: 'NG', constituency: 'ngo', organisation: 'Women in Migration Initiative', jobTitle: 'Programme coordinator' },
  { email: 'ramesh.shrestha@example.org', fullName: 'Ramesh Shrestha', locale: 'en', roles: ['participant'], country: 'NP', constituency: 'diaspora', organisation: 'Non-Resident Nepali Association', jobTitle: 'Secretary' },
  { email: 'fatou.ndiaye@example.org', fullName: 'Fatou Ndiaye', locale: 'fr', roles: ['participant'], country: 'SN', constituency: 'international', organisation: 'ECOWAS Commission', jobTitle: 'Chargée de programme mobilité' },
  { email: 'maria.jose.perez@example.org', fullName: 'María José Pérez', locale: 'es', roles: ['participant'], country: 'MX', constituency: 'media', organisation: 'Diario del Sur', jobTitle: 'Periodista' },
  { email: 'kwame.mensah@example.org', fullName: 'Kwame Mensah', locale: 'en', roles: ['participant'], country: 'GH', constituency: 'government', organisation: 'Ministry of Employment and Labour Relations', jobTitle: 'Labour officer' },
  { email: 'elena.popescu@example.org', fullName: 'Elena Popescu', locale: 'fr', roles: ['participant'], country: 'MD', constituency: 'other', organisation: 'Independent consultant', jobTitle: 'Consultant' },
  { email: 'joseph.kamau@example.org', fullName: 'Joseph Kamau', locale: 'en', roles: ['participant'], country: 'KE', constituency: 'workers', organisation: 'Central Organization of Trade Unions', jobTitle: 'Migration desk officer' },
  { email: 'thandiwe.dlamini@example.org', fullName: 'Thandiwe Dlamini', locale: 'en', roles: ['participant'], country: 'ZA', constituency: 'employers', organisation: 'Business Unity South Africa', jobTitle: 'Policy analyst' },
  { email: 'maria.santos@example.org', fullName: 'Maria Santos', locale: 'en', roles: ['participant'], country: 'PH', constituency: 'government', organisation: 'Department of Migrant Workers', jobTitle: 'Director, licensing' },
  { email: 'ahmed.benali@example.org', fullName: 'Ahmed Benali', locale: 'fr', roles: ['participant'], country: 'MA', constituency: 'government', organisation: 'Ministère de l’Inclusion économique', jobTitle: 'Chef de service' },
  { email: 'koffi.yao@example.org', fullName: 'Koffi Yao', locale: 'fr', roles: ['participant'], country: 'CI', constituency: 'government', organisation: 'Institut national de la statistique', jobTitle: 'Statisticien' },
  { email: 'sunita.gurung@example.org', fullName: 'सुनिता गुरुङ', locale: 'en', roles: ['participant'], country: 'NP', constituency: 'workers', organisation: 'GEFONT', jobTitle: 'Women workers’ coordinator' },
];
