/**
 * The staff console's session layer: what console pages are registered behind. A page function is
 * `withPageBoundary(staffPage(handler))`: `staffPage` calls `handler(request, session)` only with a
 * valid session (and, for a POST, after the origin and CSRF checks), and gives the answer the
 * console's headers; `withPageBoundary` turns an unexpected exception into the error page.
 */
export { staffPage } from './app-staff-session';
export { staffPageWith, type StaffPageDependencies } from './staff-page';
