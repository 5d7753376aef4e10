// Custom messages between the Charter client and server, declared once and imported by both sides.
// Only types and string constants live here: no runtime dependency on either side.

export const Requests = {
  /** Re-check every charter the server knows; returns how many files and findings. */
  validateWorkspace: 'charter/validateWorkspace',
  /** Forget cached schemas and fetch them again. */
  refreshSchemas: 'charter/refreshSchemas',
} as const;

export interface ValidateWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

export interface RefreshSchemasResult {
  refreshed: number;
}
