# Reason: rotated every 90 days.
resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = "projects/example/locations/europe/keyRings/main"
  rotation_period = "7776000s"
}

# Reason: an asymmetric signing key cannot rotate automatically.
resource "google_kms_crypto_key" "signing" {
  name     = "signing"
  key_ring = "projects/example/locations/europe/keyRings/main"
  purpose  = "ASYMMETRIC_SIGN"
}
