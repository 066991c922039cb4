resource "google_storage_bucket" "data" { # expect
  name     = "example-data"
  location = "EU"
}

resource "google_storage_bucket" "legacy" {
  name                        = "example-legacy"
  location                    = "EU"
  uniform_bucket_level_access = false # expect
}
