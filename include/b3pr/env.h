/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The environment of the portable core: the only header through which core
 * files see the outside world. Inside the module it maps onto kernel
 * headers; in the native unit tests onto the C library.
 */
#ifndef B3PR_ENV_H
#define B3PR_ENV_H

#ifdef __KERNEL__
#include <linux/types.h>
#include <linux/string.h>
#include <linux/bits.h>
#include <linux/kernel.h>
#include <asm/byteorder.h>
#else
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#define BIT_ULL(n)		(1ULL << (n))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define fallthrough		__attribute__((__fallthrough__))

#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define be16_to_cpu(x)		((u16)(x))
#define be32_to_cpu(x)		((u32)(x))
#define be64_to_cpu(x)		((u64)(x))
#define le16_to_cpu(x)		__builtin_bswap16(x)
#define le32_to_cpu(x)		__builtin_bswap32(x)
#define le64_to_cpu(x)		__builtin_bswap64(x)
#else
#define be16_to_cpu(x)		__builtin_bswap16(x)
#define be32_to_cpu(x)		__builtin_bswap32(x)
#define be64_to_cpu(x)		__builtin_bswap64(x)
#define le16_to_cpu(x)		((u16)(x))
#define le32_to_cpu(x)		((u32)(x))
#define le64_to_cpu(x)		((u64)(x))
#endif
#define cpu_to_be16(x)		be16_to_cpu(x)
#define cpu_to_be32(x)		be32_to_cpu(x)
#define cpu_to_be64(x)		be64_to_cpu(x)
#define cpu_to_le16(x)		le16_to_cpu(x)
#define cpu_to_le32(x)		le32_to_cpu(x)
#define cpu_to_le64(x)		le64_to_cpu(x)
#endif /* __KERNEL__ */

/*
 * Power ISA numbers bits from the most significant end: bit 0 of a 64-bit
 * register is 2^63. These make ISA bit numbers usable as written.
 */
#define B3PR_BIT(b)		(1ULL << (63 - (b)))
#define B3PR_BIT32(b)		(1U << (31 - (b)))
/* Bits b..e (ISA numbering, inclusive) of a 64-bit value, right-aligned. */
#define B3PR_BITS(v, b, e)	(((u64)(v) >> (63 - (e))) & \
				 (~0ULL >> (63 - ((e) - (b)))))

#endif /* B3PR_ENV_H */
