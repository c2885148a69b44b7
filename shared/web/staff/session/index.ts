/** The staff console's session layer: what console pages are registered behind. */
export { staffPage } from './app-staff-session';
export { staffPageWith, type StaffPageDependencies } from './staff-page';
