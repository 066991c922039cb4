resource "azurerm_key_vault" "main" { # expect
  name                = "example-kv"
  resource_group_name = "example"
  location            = "westeurope"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
