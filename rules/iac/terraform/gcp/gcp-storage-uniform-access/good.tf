# Reason: uniform bucket-level access on.
resource "google_storage_bucket" "data" {
  name                        = "example-data"
  location                    = "EU"
  uniform_bucket_level_access = true
}
