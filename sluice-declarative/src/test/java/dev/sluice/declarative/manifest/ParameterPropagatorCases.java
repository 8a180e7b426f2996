package dev.sluice.declarative.manifest;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The (component, expected) pairs of the reference's {@code test_manifest_component_transformer.py},
 * each propagated from {@code ""} with no parent parameters. Ported as data, dict for dict.
 */
final class ParameterPropagatorCases {

    private ParameterPropagatorCases() {
    }

    static Stream<Arguments> reference() {
        return Stream.of(
                Arguments.of("test_declarative_stream",
                        """
                        {
                          "type": "DeclarativeSource",
                          "streams": [{"type": "DeclarativeStream", "retriever": {}, "schema_loader": {}}]
                        }""",
                        """
                        {
                          "type": "DeclarativeSource",
                          "streams": [
                            {
                              "type": "DeclarativeStream",
                              "retriever": {"type": "SimpleRetriever"},
                              "schema_loader": {"type": "JsonFileSchemaLoader"}
                            }
                          ]
                        }"""),
                Arguments.of("test_simple_retriever",
                        """
                        {
                          "type": "DeclarativeStream",
                          "retriever": {"type": "SimpleRetriever", "paginator": {}, "record_selector": {}, "requester": {}}
                        }""",
                        """
                        {
                          "type": "DeclarativeStream",
                          "retriever": {
                            "type": "SimpleRetriever",
                            "paginator": {"type": "NoPagination"},
                            "record_selector": {"type": "RecordSelector"},
                            "requester": {"type": "HttpRequester"}
                          }
                        }"""),
                Arguments.of("test_http_requester",
                        """
                        {
                          "type": "DeclarativeStream",
                          "requester": {"type": "HttpRequester", "error_handler": {}}
                        }""",
                        """
                        {
                          "type": "DeclarativeStream",
                          "requester": {"type": "HttpRequester", "error_handler": {"type": "DefaultErrorHandler"}}
                        }"""),
                Arguments.of("test_default_paginator",
                        """
                        {
                          "type": "SimpleRetriever",
                          "paginator": {"type": "DefaultPaginator", "page_size_option": {}, "page_token_option": {}}
                        }""",
                        """
                        {
                          "type": "SimpleRetriever",
                          "paginator": {
                            "type": "DefaultPaginator",
                            "page_size_option": {"type": "RequestOption"},
                            "page_token_option": {}
                          }
                        }"""),
                Arguments.of("test_substream_slicer",
                        """
                        {
                          "type": "SimpleRetriever",
                          "partition_router": {"type": "SubstreamPartitionRouter", "parent_stream_configs": [{}, {}, {}]}
                        }""",
                        """
                        {
                          "type": "SimpleRetriever",
                          "partition_router": {
                            "type": "SubstreamPartitionRouter",
                            "parent_stream_configs": [
                              {"type": "ParentStreamConfig"},
                              {"type": "ParentStreamConfig"},
                              {"type": "ParentStreamConfig"}
                            ]
                          }
                        }"""),
                Arguments.of("test_custom_authenticator",
                        """
                        {
                          "type": "SimpleRetriever",
                          "requester": {
                            "type": "HttpRequester",
                            "authenticator": {"class_name": "source_greenhouse.components.NewAuthenticator"}
                          }
                        }""",
                        """
                        {
                          "type": "SimpleRetriever",
                          "requester": {
                            "type": "HttpRequester",
                            "authenticator": {
                              "type": "CustomAuthenticator",
                              "class_name": "source_greenhouse.components.NewAuthenticator"
                            }
                          }
                        }"""),
                Arguments.of("test_custom_extractor",
                        """
                        {
                          "type": "SimpleRetriever",
                          "record_selector": {
                            "type": "RecordSelector",
                            "extractor": {"class_name": "source_greenhouse.components.NewRecordExtractor"}
                          }
                        }""",
                        """
                        {
                          "type": "SimpleRetriever",
                          "record_selector": {
                            "type": "RecordSelector",
                            "extractor": {
                              "type": "CustomRecordExtractor",
                              "class_name": "source_greenhouse.components.NewRecordExtractor"
                            }
                          }
                        }"""),
                Arguments.of("test_propagate_parameters_to_all_components",
                        """
                        {
                          "type": "DeclarativeSource",
                          "streams": [
                            {
                              "type": "DeclarativeStream",
                              "$parameters": {"name": "roasters", "primary_key": "id"},
                              "retriever": {
                                "type": "SimpleRetriever",
                                "record_selector": {
                                  "type": "RecordSelector",
                                  "extractor": {"type": "DpathExtractor", "field_path": []}
                                },
                                "requester": {
                                  "type": "HttpRequester",
                                  "name": "{{ parameters[\\"name\\"] }}",
                                  "url_base": "https://coffee.example.io/v1/",
                                  "http_method": "GET"
                                }
                              }
                            }
                          ]
                        }""",
                        """
                        {
                          "type": "DeclarativeSource",
                          "streams": [
                            {
                              "type": "DeclarativeStream",
                              "retriever": {
                                "type": "SimpleRetriever",
                                "name": "roasters",
                                "primary_key": "id",
                                "record_selector": {
                                  "type": "RecordSelector",
                                  "extractor": {
                                    "type": "DpathExtractor",
                                    "field_path": [],
                                    "name": "roasters",
                                    "primary_key": "id",
                                    "$parameters": {"name": "roasters", "primary_key": "id"}
                                  },
                                  "name": "roasters",
                                  "primary_key": "id",
                                  "$parameters": {"name": "roasters", "primary_key": "id"}
                                },
                                "requester": {
                                  "type": "HttpRequester",
                                  "name": "{{ parameters[\\"name\\"] }}",
                                  "url_base": "https://coffee.example.io/v1/",
                                  "http_method": "GET",
                                  "primary_key": "id",
                                  "$parameters": {"name": "roasters", "primary_key": "id"}
                                },
                                "$parameters": {"name": "roasters", "primary_key": "id"}
                              },
                              "name": "roasters",
                              "primary_key": "id",
                              "$parameters": {"name": "roasters", "primary_key": "id"}
                            }
                          ]
                        }"""),
                Arguments.of("test_component_parameters_take_precedence_over_parent_parameters",
                        """
                        {
                          "type": "DeclarativeStream",
                          "retriever": {
                            "type": "SimpleRetriever",
                            "requester": {
                              "type": "HttpRequester",
                              "name": "high_priority",
                              "url_base": "https://coffee.example.io/v1/",
                              "http_method": "GET",
                              "primary_key": "id",
                              "$parameters": {"name": "high_priority"}
                            },
                            "$parameters": {"name": "low_priority"}
                          }
                        }""",
                        """
                        {
                          "type": "DeclarativeStream",
                          "retriever": {
                            "type": "SimpleRetriever",
                            "name": "low_priority",
                            "requester": {
                              "type": "HttpRequester",
                              "name": "high_priority",
                              "url_base": "https://coffee.example.io/v1/",
                              "http_method": "GET",
                              "primary_key": "id",
                              "$parameters": {"name": "high_priority"}
                            },
                            "$parameters": {"name": "low_priority"}
                          }
                        }"""),
                Arguments.of("test_do_not_propagate_parameters_that_have_the_same_field_name",
                        """
                        {
                          "type": "DeclarativeStream",
                          "streams": [
                            {
                              "type": "DeclarativeStream",
                              "$parameters": {
                                "name": "roasters",
                                "primary_key": "id",
                                "schema_loader": {
                                  "type": "JsonFileSchemaLoader",
                                  "file_path": "./source_coffee/schemas/{{ parameters[\\"name\\"] }}.json"
                                }
                              }
                            }
                          ]
                        }""",
                        """
                        {
                          "type": "DeclarativeStream",
                          "streams": [
                            {
                              "type": "DeclarativeStream",
                              "name": "roasters",
                              "primary_key": "id",
                              "schema_loader": {
                                "type": "JsonFileSchemaLoader",
                                "file_path": "./source_coffee/schemas/{{ parameters[\\"name\\"] }}.json",
                                "name": "roasters",
                                "primary_key": "id",
                                "$parameters": {"name": "roasters", "primary_key": "id"}
                              },
                              "$parameters": {
                                "name": "roasters",
                                "primary_key": "id",
                                "schema_loader": {
                                  "type": "JsonFileSchemaLoader",
                                  "file_path": "./source_coffee/schemas/{{ parameters[\\"name\\"] }}.json"
                                }
                              }
                            }
                          ]
                        }"""),
                Arguments.of("test_ignore_empty_parameters",
                        """
                        {
                          "type": "DeclarativeStream",
                          "retriever": {
                            "type": "SimpleRetriever",
                            "record_selector": {
                              "type": "RecordSelector",
                              "extractor": {"type": "DpathExtractor", "field_path": []}
                            }
                          }
                        }""",
                        """
                        {
                          "type": "DeclarativeStream",
                          "retriever": {
                            "type": "SimpleRetriever",
                            "record_selector": {
                              "type": "RecordSelector",
                              "extractor": {"type": "DpathExtractor", "field_path": []}
                            }
                          }
                        }"""),
                Arguments.of("test_only_propagate_parameters_to_components",
                        """
                        {
                          "type": "ParentComponent",
                          "component_with_object_properties": {
                            "type": "TestComponent",
                            "subcomponent": {
                              "type": "TestSubComponent",
                              "some_field": "high_priority",
                              "$parameters": {"some_option": "already"}
                            },
                            "dictionary_field": {"details": "should_not_contain_parameters", "other": "no_parameters_as_fields"},
                            "$parameters": {"included": "not!"}
                          }
                        }""",
                        """
                        {
                          "type": "ParentComponent",
                          "component_with_object_properties": {
                            "type": "TestComponent",
                            "subcomponent": {
                              "type": "TestSubComponent",
                              "some_field": "high_priority",
                              "some_option": "already",
                              "included": "not!",
                              "$parameters": {"some_option": "already", "included": "not!"}
                            },
                            "dictionary_field": {"details": "should_not_contain_parameters", "other": "no_parameters_as_fields"},
                            "included": "not!",
                            "$parameters": {"included": "not!"}
                          }
                        }"""),
                Arguments.of("test_do_not_propagate_parameters_on_json_schema_object",
                        """
                        {
                          "type": "DeclarativeStream",
                          "streams": [
                            {
                              "type": "DeclarativeStream",
                              "schema_loader": {
                                "type": "InlineSchemaLoader",
                                "schema": {
                                  "type": "object",
                                  "$schema": "http://json-schema.org/schema#",
                                  "properties": {"id": {"type": "string"}}
                                }
                              },
                              "$parameters": {"name": "roasters", "primary_key": "id"}
                            }
                          ]
                        }""",
                        """
                        {
                          "type": "DeclarativeStream",
                          "streams": [
                            {
                              "type": "DeclarativeStream",
                              "name": "roasters",
                              "primary_key": "id",
                              "schema_loader": {
                                "type": "InlineSchemaLoader",
                                "name": "roasters",
                                "primary_key": "id",
                                "schema": {
                                  "type": "object",
                                  "$schema": "http://json-schema.org/schema#",
                                  "properties": {"id": {"type": "string"}}
                                },
                                "$parameters": {"name": "roasters", "primary_key": "id"}
                              },
                              "$parameters": {"name": "roasters", "primary_key": "id"}
                            }
                          ]
                        }"""),
                Arguments.of("test_propagate_property_chunking",
                        """
                        {
                          "type": "DeclarativeStream",
                          "streams": [
                            {
                              "type": "DeclarativeStream",
                              "retriever": {
                                "type": "SimpleRetriever",
                                "requester": {
                                  "type": "HttpRequester",
                                  "url_base": "https://test.com",
                                  "request_parameters": {
                                    "properties": {
                                      "type": "QueryProperties",
                                      "property_list": {
                                        "type": "PropertiesFromEndpoint",
                                        "property_field_path": ["name"],
                                        "retriever": {
                                          "type": "SimpleRetriever",
                                          "requester": {
                                            "type": "HttpRequester",
                                            "url_base": "https://test.com",
                                            "authenticator": {"$ref": "#/definitions/authenticator"},
                                            "path": "/properties/{{ parameters.entity }}/properties",
                                            "http_method": "GET",
                                            "request_headers": {"Content-Type": "application/json"}
                                          }
                                        }
                                      },
                                      "property_chunking": {
                                        "type": "PropertyChunking",
                                        "property_limit_type": "characters",
                                        "property_limit": 15000
                                      }
                                    }
                                  }
                                }
                              },
                              "$parameters": {"entity": "test_entity"}
                            }
                          ]
                        }""",
                        """
                        {
                          "streams": [
                            {
                              "$parameters": {"entity": "test_entity"},
                              "entity": "test_entity",
                              "retriever": {
                                "$parameters": {"entity": "test_entity"},
                                "entity": "test_entity",
                                "requester": {
                                  "$parameters": {"entity": "test_entity"},
                                  "entity": "test_entity",
                                  "request_parameters": {
                                    "properties": {
                                      "$parameters": {"entity": "test_entity"},
                                      "entity": "test_entity",
                                      "property_chunking": {
                                        "$parameters": {"entity": "test_entity"},
                                        "entity": "test_entity",
                                        "property_limit": 15000,
                                        "property_limit_type": "characters",
                                        "type": "PropertyChunking"
                                      },
                                      "property_list": {
                                        "$parameters": {"entity": "test_entity"},
                                        "entity": "test_entity",
                                        "property_field_path": ["name"],
                                        "retriever": {
                                          "$parameters": {"entity": "test_entity"},
                                          "entity": "test_entity",
                                          "requester": {
                                            "$parameters": {"entity": "test_entity"},
                                            "authenticator": {"$ref": "#/definitions/authenticator"},
                                            "entity": "test_entity",
                                            "http_method": "GET",
                                            "path": "/properties/{{ parameters.entity }}/properties",
                                            "request_headers": {"Content-Type": "application/json"},
                                            "type": "HttpRequester",
                                            "url_base": "https://test.com"
                                          },
                                          "type": "SimpleRetriever"
                                        },
                                        "type": "PropertiesFromEndpoint"
                                      },
                                      "type": "QueryProperties"
                                    }
                                  },
                                  "type": "HttpRequester",
                                  "url_base": "https://test.com"
                                },
                                "type": "SimpleRetriever"
                              },
                              "type": "DeclarativeStream"
                            }
                          ],
                          "type": "DeclarativeStream"
                        }"""),
                Arguments.of("test_use_parent_parameters_none_behavior",
                        """
                        {
                          "type": "DeclarativeStream",
                          "retriever": {
                            "type": "SimpleRetriever",
                            "requester": {
                              "type": "HttpRequester",
                              "name": "component_priority",
                              "url_base": "https://coffee.example.io/v1/",
                              "http_method": "GET",
                              "primary_key": "id",
                              "$parameters": {"name": "component_priority"}
                            },
                            "$parameters": {"name": "parent_priority"}
                          }
                        }""",
                        """
                        {
                          "type": "DeclarativeStream",
                          "retriever": {
                            "type": "SimpleRetriever",
                            "name": "parent_priority",
                            "requester": {
                              "type": "HttpRequester",
                              "name": "component_priority",
                              "url_base": "https://coffee.example.io/v1/",
                              "http_method": "GET",
                              "primary_key": "id",
                              "$parameters": {"name": "component_priority"}
                            },
                            "$parameters": {"name": "parent_priority"}
                          }
                        }""")
        );
    }
}
