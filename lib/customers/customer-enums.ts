export const CUSTOMER_TYPES = ["Residential", "Commercial"] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** The CRM's list filter values for customers (doc 000). */
export const CUSTOMER_FILTERS = ["all", "residential", "commercial", "vip"] as const;
export type CustomerFilter = (typeof CUSTOMER_FILTERS)[number];

export const NOTIFY_CHANNELS = ["email", "sms", "both"] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
