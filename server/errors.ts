/** The application's error hierarchy; app/api maps it to HTTP responses in one place. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class ValidationError extends AppError {
  /** `code` names a refusal the UI explains in its own words ("no_questions", "no_open_questions"); invalid_request otherwise */
  constructor(message: string, code = "invalid_request") {
    super(code, message, 400);
  }
}
export class NotFoundError extends AppError {
  constructor(message: string) {
    super("not_found", message, 404);
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super("conflict", message, 409);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super("payload_too_large", message, 413);
  }
}
export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super("unsupported_media_type", message, 415);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super("unauthorized", message, 401);
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super("forbidden", message, 403);
  }
}
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("too_many_requests", message, 429);
  }
}
