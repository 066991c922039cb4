resource "google_storage_bucket_iam_member" "public" {
  bucket = "example-data"
  role   = "roles/storage.objectViewer"
  member = "allUsers" # expect
}

resource "google_storage_bucket_iam_binding" "readers" {
  bucket  = "example-data"
  role    = "roles/storage.objectViewer"
  members = ["group:readers@example.com", "allAuthenticatedUsers"] # expect
}
