# Reason: a service account, not the public.
resource "google_storage_bucket_iam_member" "app" {
  bucket = "example-data"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:app@example-project.iam.gserviceaccount.com"
}

# Reason: named groups only.
resource "google_storage_bucket_iam_binding" "readers" {
  bucket  = "example-data"
  role    = "roles/storage.objectViewer"
  members = ["group:readers@example.com"]
}
