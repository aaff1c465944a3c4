//! JWS algorithms (RFC 7518 §3, RFC 8037) and what each needs from a key.

use std::fmt;
use std::str::FromStr;

/// Every signing algorithm the debugger knows, plus `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Alg {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    EdDSA,
    /// RFC 9864's fully specified name for EdDSA with Ed25519 (`EdDSA` is deprecated).
    Ed25519,
    /// ECDSA on secp256k1 with SHA-256 (RFC 8812).
    ES256K,
    /// ML-DSA (FIPS 204) per draft-ietf-cose-dilithium: post-quantum signatures.
    #[serde(rename = "ML-DSA-44")]
    MlDsa44,
    #[serde(rename = "ML-DSA-65")]
    MlDsa65,
    #[serde(rename = "ML-DSA-87")]
    MlDsa87,
    /// Unsecured JWS (RFC 7518 §3.6): no signature at all.
    None,
}

/// The kind of key an algorithm works with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Hmac,
    Rsa,
    Ec(Curve),
    Ed25519,
    MlDsa(MlDsaLevel),
    Unsecured,
}

/// The three ML-DSA parameter sets of FIPS 204.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum MlDsaLevel {
    L44,
    L65,
    L87,
}

impl MlDsaLevel {
    pub const ALL: [MlDsaLevel; 3] = [Self::L44, Self::L65, Self::L87];

    /// The JOSE `alg` name, which is also the AKP JWK's `alg`.
    pub fn name(self) -> &'static str {
        self.alg().name()
    }

    pub fn alg(self) -> Alg {
        match self {
            Self::L44 => Alg::MlDsa44,
            Self::L65 => Alg::MlDsa65,
            Self::L87 => Alg::MlDsa87,
        }
    }

    /// Bytes of an encoded public key (FIPS 204 Table 2).
    pub fn public_len(self) -> usize {
        match self {
            Self::L44 => 1312,
            Self::L65 => 1952,
            Self::L87 => 2592,
        }
    }

    /// Bytes of a signature (FIPS 204 Table 2).
    pub fn signature_len(self) -> usize {
        match self {
            Self::L44 => 2420,
            Self::L65 => 3309,
            Self::L87 => 4627,
        }
    }

    /// NIST security category: 2, 3 or 5.
    pub fn category(self) -> u8 {
        match self {
            Self::L44 => 2,
            Self::L65 => 3,
            Self::L87 => 5,
        }
    }

    /// The last arc of the algorithm's OID, 2.16.840.1.101.3.4.3.{17,18,19}.
    pub fn oid_arc(self) -> u32 {
        match self {
            Self::L44 => 17,
            Self::L65 => 18,
            Self::L87 => 19,
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }
}

/// Elliptic curves used by ES256/384/512.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Curve {
    P256,
    P384,
    P521,
    /// secp256k1 (RFC 8812), for ES256K.
    Secp256k1,
}

impl Curve {
    /// The JWK `crv` name.
    pub fn name(self) -> &'static str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
            Self::P521 => "P-521",
            Self::Secp256k1 => "secp256k1",
        }
    }

    /// Bytes of one coordinate or scalar (and of R or S in a JWS signature).
    pub fn field_len(self) -> usize {
        match self {
            Self::P256 | Self::Secp256k1 => 32,
            Self::P384 => 48,
            Self::P521 => 66,
        }
    }

    /// The ES algorithm that uses this curve.
    pub fn alg(self) -> Alg {
        match self {
            Self::P256 => Alg::ES256,
            Self::P384 => Alg::ES384,
            Self::P521 => Alg::ES512,
            Self::Secp256k1 => Alg::ES256K,
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "P-256" => Some(Self::P256),
            "P-384" => Some(Self::P384),
            "P-521" => Some(Self::P521),
            "secp256k1" => Some(Self::Secp256k1),
            _ => None,
        }
    }
}

impl Alg {
    /// All algorithms, in the order a picker shows them.
    pub const ALL: [Alg; 19] = [
        Alg::HS256,
        Alg::HS384,
        Alg::HS512,
        Alg::RS256,
        Alg::RS384,
        Alg::RS512,
        Alg::PS256,
        Alg::PS384,
        Alg::PS512,
        Alg::ES256,
        Alg::ES384,
        Alg::ES512,
        Alg::ES256K,
        Alg::Ed25519,
        Alg::EdDSA,
        Alg::MlDsa44,
        Alg::MlDsa65,
        Alg::MlDsa87,
        Alg::None,
    ];

    /// The `alg` header value.
    pub fn name(self) -> &'static str {
        match self {
            Self::HS256 => "HS256",
            Self::HS384 => "HS384",
            Self::HS512 => "HS512",
            Self::RS256 => "RS256",
            Self::RS384 => "RS384",
            Self::RS512 => "RS512",
            Self::PS256 => "PS256",
            Self::PS384 => "PS384",
            Self::PS512 => "PS512",
            Self::ES256 => "ES256",
            Self::ES384 => "ES384",
            Self::ES512 => "ES512",
            Self::EdDSA => "EdDSA",
            Self::Ed25519 => "Ed25519",
            Self::ES256K => "ES256K",
            Self::MlDsa44 => "ML-DSA-44",
            Self::MlDsa65 => "ML-DSA-65",
            Self::MlDsa87 => "ML-DSA-87",
            Self::None => "none",
        }
    }

    /// A one-line explanation.
    pub fn describe(self) -> &'static str {
        match self {
            Self::HS256 => "HMAC with SHA-256 (shared secret)",
            Self::HS384 => "HMAC with SHA-384 (shared secret)",
            Self::HS512 => "HMAC with SHA-512 (shared secret)",
            Self::RS256 => "RSASSA-PKCS1-v1_5 with SHA-256",
            Self::RS384 => "RSASSA-PKCS1-v1_5 with SHA-384",
            Self::RS512 => "RSASSA-PKCS1-v1_5 with SHA-512",
            Self::PS256 => "RSASSA-PSS with SHA-256",
            Self::PS384 => "RSASSA-PSS with SHA-384",
            Self::PS512 => "RSASSA-PSS with SHA-512",
            Self::ES256 => "ECDSA on P-256 with SHA-256",
            Self::ES384 => "ECDSA on P-384 with SHA-384",
            Self::ES512 => "ECDSA on P-521 with SHA-512",
            Self::EdDSA => "Edwards-curve signature (Ed25519; RFC 9864 deprecates this name)",
            Self::Ed25519 => "Ed25519 (RFC 9864 fully specified)",
            Self::ES256K => "ECDSA on secp256k1 with SHA-256 (RFC 8812)",
            Self::MlDsa44 => "ML-DSA-44, post-quantum (FIPS 204, category 2)",
            Self::MlDsa65 => "ML-DSA-65, post-quantum (FIPS 204, category 3)",
            Self::MlDsa87 => "ML-DSA-87, post-quantum (FIPS 204, category 5)",
            Self::None => "no signature: anyone can forge this token",
        }
    }

    pub fn family(self) -> Family {
        match self {
            Self::HS256 | Self::HS384 | Self::HS512 => Family::Hmac,
            Self::RS256 | Self::RS384 | Self::RS512 | Self::PS256 | Self::PS384 | Self::PS512 => {
                Family::Rsa
            }
            Self::ES256 => Family::Ec(Curve::P256),
            Self::ES384 => Family::Ec(Curve::P384),
            Self::ES512 => Family::Ec(Curve::P521),
            Self::EdDSA | Self::Ed25519 => Family::Ed25519,
            Self::ES256K => Family::Ec(Curve::Secp256k1),
            Self::MlDsa44 => Family::MlDsa(MlDsaLevel::L44),
            Self::MlDsa65 => Family::MlDsa(MlDsaLevel::L65),
            Self::MlDsa87 => Family::MlDsa(MlDsaLevel::L87),
            Self::None => Family::Unsecured,
        }
    }

    /// Smallest HMAC secret the RFC allows: as many bytes as the hash output (RFC 7518 §3.2).
    pub fn min_secret_len(self) -> Option<usize> {
        match self {
            Self::HS256 => Some(32),
            Self::HS384 => Some(48),
            Self::HS512 => Some(64),
            _ => None,
        }
    }

    /// Parses an `alg` header value. `none` matches in any casing, because some libraries did.
    pub fn parse(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case("none") {
            return Some(Self::None);
        }
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The HMAC of an HS* algorithm.
    pub(crate) fn hmac(self) -> Option<aws_lc_rs::hmac::Algorithm> {
        use aws_lc_rs::hmac;
        match self {
            Self::HS256 => Some(hmac::HMAC_SHA256),
            Self::HS384 => Some(hmac::HMAC_SHA384),
            Self::HS512 => Some(hmac::HMAC_SHA512),
            _ => None,
        }
    }

    /// The jsonwebtoken algorithm, for those it implements.
    pub(crate) fn to_jsonwebtoken(self) -> Option<jsonwebtoken::Algorithm> {
        use jsonwebtoken::Algorithm as J;
        Some(match self {
            Self::HS256 => J::HS256,
            Self::HS384 => J::HS384,
            Self::HS512 => J::HS512,
            Self::RS256 => J::RS256,
            Self::RS384 => J::RS384,
            Self::RS512 => J::RS512,
            Self::PS256 => J::PS256,
            Self::PS384 => J::PS384,
            Self::PS512 => J::PS512,
            Self::ES256 => J::ES256,
            Self::ES384 => J::ES384,
            // The same signature as EdDSA on an Ed25519 key (RFC 9864 only names it fully).
            Self::EdDSA | Self::Ed25519 => J::EdDSA,
            Self::ES512
            | Self::ES256K
            | Self::MlDsa44
            | Self::MlDsa65
            | Self::MlDsa87
            | Self::None => {
                return None;
            }
        })
    }
}

impl fmt::Display for Alg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An `alg` name the debugger does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown algorithm '{0}' (known: HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, ES256K, Ed25519, EdDSA, ML-DSA-44/65/87, none)"
)]
pub struct UnknownAlg(pub String);

impl FromStr for Alg {
    type Err = UnknownAlg;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or_else(|| UnknownAlg(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_matches_in_any_casing() {
        for s in ["none", "None", "NONE", "nOnE"] {
            assert_eq!(Alg::parse(s), Some(Alg::None));
        }
    }

    #[test]
    fn other_names_are_case_sensitive() {
        assert_eq!(Alg::parse("hs256"), None);
        assert_eq!(Alg::parse("HS256"), Some(Alg::HS256));
    }

    #[test]
    fn every_name_round_trips() {
        for a in Alg::ALL {
            assert_eq!(Alg::parse(a.name()), Some(a));
        }
    }
}
