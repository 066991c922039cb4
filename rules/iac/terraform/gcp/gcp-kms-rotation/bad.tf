resource "google_kms_crypto_key" "data" { # expect
  name     = "data"
  key_ring = "projects/example/locations/europe/keyRings/main"
}

resource "google_kms_crypto_key" "yearly" {
  name            = "yearly"
  key_ring        = "projects/example/locations/europe/keyRings/main"
  rotation_period = "31536000s" # expect
}
