resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_name  = "exampledata"
  container_access_type = "container" # expect
}
