resource "azurerm_storage_account" "data" {
  name                       = "exampledata"
  resource_group_name        = "example"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = false # expect
}

resource "azurerm_storage_account" "legacy" {
  name                      = "examplelegacy"
  resource_group_name       = "example"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false # expect
}
