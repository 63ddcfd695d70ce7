/**
 * Frontend revalidation (SPEC 11): the targets an admin lists, the payload each of them
 * receives, and the admin routes that show deliveries and send a test. The admin panel
 * and the server both import this file.
 */

/** A frontend to notify, as the config file and the server hold it. */
export interface RevalidationTarget {
  /** 1 to 100 characters, unique (without regard to case). */
  name: string;
  /** Absolute http(s) URL the signed `POST` goes to. */
  url: string;
  /** At least 16 characters; signs each delivery. Never sent back to the admin in full. */
  secret: string;
  /** Path templates (`/news/{slug}`) and plain paths (`/news`), each starting with `/`. */
  paths: string[];
}

/** Where a target is defined: the config file (read-only in the admin) or Settings → Newsroom. */
export type RevalidationTargetSource = 'config' | 'settings';

/** A target as `GET /newsroom/settings` shows it: the secret masked. */
export interface RevalidationTargetView {
  name: string;
  url: string;
  paths: string[];
  /** The secret's last 4 characters behind an ellipsis: `…f00d`. */
  secretHint: string;
  source: RevalidationTargetSource;
}

/**
 * A target in `PUT /newsroom/settings` (`revalidation` is the list of targets saved in
 * Settings → Newsroom). `secret` left out keeps the secret of the saved target named
 * `previousName` (a rename) or `name`. `secretHint` and `source` are ignored, so a
 * target read from `GET` can be sent back as it is; targets with `source: "config"`
 * are skipped (they live in the config file).
 */
export interface RevalidationTargetInput {
  name: string;
  url: string;
  paths?: string[];
  secret?: string;
  previousName?: string;
  secretHint?: string;
  source?: RevalidationTargetSource;
}

/**
 * What a delivery is about: `article.publish` (an article became visible),
 * `article.update` (a published article changed), `article.unpublish`,
 * `article.delete`, `category.update` (renamed, or its articles changed),
 * `category.delete`, `import`, `refresh` (every article may have changed: excerpts
 * regenerated), `test`, or `batch` when a delivery coalesces changes of several kinds.
 */
export type RevalidationEvent =
  | 'article.publish'
  | 'article.update'
  | 'article.unpublish'
  | 'article.delete'
  | 'category.update'
  | 'category.delete'
  | 'import'
  | 'refresh'
  | 'test'
  | 'batch';

/** An article a delivery is about, as it is now (or was last, when it is gone). */
export interface RevalidationArticle {
  documentId: string;
  slug: string;
  /** The slug frontends knew before, when the change gave it a new one; otherwise null. */
  previousSlug: string | null;
  language: string | null;
  /** As in snippets: sorted by name. */
  categories: Array<{ name: string; slug: string }>;
}

/** The JSON body of each `POST` (SPEC 11). */
export interface RevalidationPayload {
  /** The delivery id, also in `X-Newsroom-Delivery`; the same on every retry. */
  id: string;
  event: RevalidationEvent;
  /** ISO 8601: when the last change of the delivery happened. */
  occurredAt: string;
  articles: RevalidationArticle[];
  paths: string[];
  tags: string[];
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A delivery as the admin sees it. Times are ISO 8601. */
export interface RevalidationDelivery {
  id: string;
  target: string;
  event: RevalidationEvent;
  status: DeliveryStatus;
  attempts: number;
  /** HTTP status of the last answer; null when there was none (refused, timed out). */
  lastStatus: number | null;
  /** Why the last attempt failed (`timed out after 10 s`, `HTTP 500`); null after a success. */
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** When a pending delivery is tried next. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  articleCount: number;
  pathCount: number;
}

/** `GET /newsroom/revalidation/deliveries?target=<name>`: the latest deliveries, newest first (50). */
export declare namespace ListDeliveries {
  export interface Query {
    target?: string;
  }
  export interface Response {
    data: RevalidationDelivery[];
  }
}

/**
 * `POST /newsroom/revalidation/test`: sends a `test` delivery to a saved target at once
 * and answers with it after that one attempt (a test is never retried).
 */
export declare namespace SendTestDelivery {
  export interface Request {
    target: string;
  }
  export interface Response {
    data: RevalidationDelivery;
  }
}
