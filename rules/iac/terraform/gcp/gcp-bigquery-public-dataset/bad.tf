resource "google_bigquery_dataset" "sales" {
  dataset_id = "sales"

  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers" # expect
  }
}

resource "google_bigquery_dataset_iam_member" "public" {
  dataset_id = "sales"
  role       = "roles/bigquery.dataViewer"
  member     = "allUsers" # expect
}
