// Stand-in for argon2.h (libargon2): password hashing.
#pragma once
#include <stddef.h>
#include <stdint.h>
extern "C" {
int argon2id_hash_encoded(uint32_t t_cost, uint32_t m_cost,
                          uint32_t parallelism, const void *pwd, size_t pwdlen,
                          const void *salt, size_t saltlen, size_t hashlen,
                          char *encoded, size_t encodedlen);
int argon2id_verify(const char *encoded, const void *pwd, size_t pwdlen);
}
