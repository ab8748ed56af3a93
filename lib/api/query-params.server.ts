import "server-only";
import { ApiError } from "@/lib/api/api-error";

/** A true/false query parameter; absent is false, anything but "true"/"false" is a 400 naming it. */
export function booleanParam(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === "" || value === "false") return false;
  if (value === "true") return true;
  throw new ApiError(400, "validation", `${name} must be true or false.`, { [name]: "Use true or false." });
}
