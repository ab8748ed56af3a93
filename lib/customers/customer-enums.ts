export const CUSTOMER_TYPES = ["Residential", "Commercial"] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** The CRM's list filter values for customers (CRM-API 000). */
export const CUSTOMER_FILTERS = ["all", "residential", "commercial", "vip"] as const;
export type CustomerFilter = (typeof CUSTOMER_FILTERS)[number];

/** The page sizes the customer and job lists offer (limitParam in lib/lists/list-params.ts checks them). */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Where a customer heard of the company (kept in the dashboard's extras; the customer list filters by it). */
export const LEAD_SOURCES = ["Google", "Referral", "Repeat customer", "Yard sign", "Facebook", "Nextdoor", "Yelp", "Home show", "Other"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const NOTIFY_CHANNELS = ["email", "sms", "both"] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
