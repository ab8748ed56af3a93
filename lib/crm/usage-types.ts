/** The month's CRM usage as the dashboard's API reports it (GET /api/usage) and the usage banner shows it. */
export interface UsageReport {
  month: string;
  used: number;
  limit: number;
  /** Where the month ends at this month's pace so far. */
  projected: number;
  percent_used: number;
  /** At or past 80% of the allowance: staff are warned. */
  warning: boolean;
  exhausted: boolean;
}
