export const PLUGIN_ID = 'newsroom';
export const ARTICLE_UID = 'plugin::newsroom.article';
export const CATEGORY_UID = 'plugin::newsroom.category';
/** Plugin-owned table (not a content type) whose primary key makes the database guarantee uniqueness. */
export const CLAIMS_TABLE = 'newsroom_claims';
