export { CRM_ANALYTICS_PATH } from './route';
export { CrmAnalyticsPage } from './CrmAnalyticsPage';
