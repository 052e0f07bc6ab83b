/** Object identifiers for SM2 keys, signatures and certificates. */
export const OID = {
  /** id-ecPublicKey (RFC 5480): the key algorithm OpenSSL 3 writes for SM2 keys. */
  EC_PUBLIC_KEY: '1.2.840.10045.2.1',
  /** sm2p256v1 (GM/T 0006): the curve; some tools also write it as the key algorithm itself. */
  SM2_CURVE: '1.2.156.10197.1.301',
  /** SM2 signature with SM3 (GM/T 0006), the signature algorithm of SM2 certificates. */
  SM2_WITH_SM3: '1.2.156.10197.1.501',
  /** SM3 (GM/T 0006). */
  SM3: '1.2.156.10197.1.401',
} as const;

/** Names of curves and key algorithms that are not SM2, for messages that say what was found instead. */
export const OTHER_KEY_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'P-256 (prime256v1)',
  '1.3.132.0.34': 'P-384 (secp384r1)',
  '1.3.132.0.35': 'P-521 (secp521r1)',
  '1.3.132.0.10': 'secp256k1',
  '1.3.36.3.3.2.8.1.1.7': 'brainpoolP256r1',
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.10040.4.1': 'DSA',
  '1.3.101.112': 'Ed25519',
  '1.3.101.110': 'X25519',
};
