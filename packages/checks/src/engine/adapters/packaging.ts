/**
 * The one place the engine names what it uses of `@dangan/packaging`'s package readers (归档信息包, 移交信息包,
 * EEP), so the rest of the engine depends on this short list.
 */
export {
  ARCHIVAL_LAYOUTS,
  type ArchivalLayoutProfile,
  type ArchivalPackageReading,
  type EepSignatureCheck,
  type EepVerification,
  handoverPaths,
  type InventoryOptions,
  inventoryPackage,
  listingDigest,
  type PackageInventory,
  parseCarrierListing,
  parseDigestSheet,
  readArchivalPackage,
  TRANSFER_LAYOUT,
  type TransferLayout,
  type VerifyEepOptions,
  verifyEep,
} from '@dangan/packaging';
