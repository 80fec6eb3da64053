/** Path of the CRM Analytics page (a custom route, not a resource). */
export const CRM_ANALYTICS_PATH = '/crm/analytics';
