/**
 * The SM2 recommended curve sm2p256v1 (GB/T 32918.5-2017 / GM/T 0003.5-2012) on @noble/curves'
 * short-Weierstrass arithmetic. Nothing is built at import time: the point type and its base-point table
 * are made on first use.
 */
import {
  type WeierstrassPoint,
  type WeierstrassPointCons,
  weierstrass,
} from '@noble/curves/abstract/weierstrass.js';

/** Field prime p of sm2p256v1. */
export const SM2_P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
/** Coefficient a of sm2p256v1 (p − 3). */
export const SM2_A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
/** Coefficient b of sm2p256v1. */
export const SM2_B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
/** Order n of the base point G. */
export const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
/** x coordinate of G. */
export const SM2_GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
/** y coordinate of G. */
export const SM2_GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

/** A point of sm2p256v1. */
export type Sm2Point = WeierstrassPoint<bigint>;

// Window 8 for G: 33 table additions per k·G instead of 44 at noble's default 6, for ~4,200 cached points
// (built once, on the first signature). Measured: k·G 1.16× faster than with window 6.
const BASE_WINDOW = 8;

let pointType: WeierstrassPointCons<bigint> | undefined;

/**
 * The point constructor of sm2p256v1, made (and its base point set to a wide precomputed window) on first use.
 *
 * @example
 * const G = sm2Curve().BASE;
 */
export function sm2Curve(): WeierstrassPointCons<bigint> {
  if (pointType === undefined) {
    const Point = weierstrass({ p: SM2_P, n: SM2_N, h: 1n, a: SM2_A, b: SM2_B, Gx: SM2_GX, Gy: SM2_GY });
    Point.BASE.precompute(BASE_WINDOW);
    pointType = Point;
  }
  return pointType;
}
