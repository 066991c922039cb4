resource "azurerm_storage_account" "data" {
  name                     = "exampledata"
  resource_group_name      = "example"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_0" # expect
}
