/** The import's limits (SPEC 4.4), shared by the body parser, the request validation, the service and the admin's Import view. */
export { MAX_IMPORT_BYTES, MAX_IMPORT_DOCUMENTS, MAX_IMPORT_SIZE_LABEL } from '../../../../shared/contracts/import';
